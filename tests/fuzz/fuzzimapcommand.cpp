// Target imap_command: the client byte stream cut into pieces (cut sizes taken from the
// input) through the command reader, every framed command through the parser, then the
// FETCH item parser, sequence sets, section specs and modified UTF-7 on its arguments.
#include "fuzztargets.h"

#include "imapcommandreader.h"
#include "imapfetchrequest.h"
#include "imaplimits.h"
#include "imapparser.h"
#include "imapsection.h"
#include "imapsequenceset.h"
#include "mutf7.h"

#include <QByteArray>

static void visitArgs(const QVector<ImapArg> &args, int depth)
{
    fuzzCheck(depth <= ImapLimits::MaxListDepth + 1, "list nested deeper than MaxListDepth");
    for (const ImapArg &arg : args) {
        if (arg.isList()) {
            visitArgs(arg.list, depth + 1);
            continue;
        }
        if (const auto set = ImapSequenceSet::parse(arg.value)) {
            set->contains(1, 100);
            set->maxExplicit();
            const auto again = ImapSequenceSet::parse(set->toString());
            fuzzCheck(again && again->toString() == set->toString(), "sequence set does not round-trip");
        }
        if (const auto name = Mutf7::decode(arg.value, Mutf7::RawUtf8::Accept)) {
            const auto back = Mutf7::decode(Mutf7::encode(*name));
            fuzzCheck(back && *back == *name, "modified UTF-7 does not round-trip");
        }
        const qsizetype open = arg.value.indexOf('[');
        const qsizetype close = arg.value.lastIndexOf(']');
        if (open >= 0 && close > open) {
            if (const auto section = ImapSection::parse(arg.value.mid(open + 1, close - open - 1))) {
                const auto again = ImapSection::parse(section->toString());
                fuzzCheck(again && again->toString() == section->toString(), "section does not round-trip");
            }
        }
    }
}

static void handleCommand(const ImapRawCommand &raw)
{
    fuzzCheck(raw.literals.size() <= ImapLimits::MaxLiteralsPerCommand, "more literals than allowed");
    QByteArray tag;
    QByteArray error;
    const auto command = ImapParser::parse(raw, &tag, &error);
    if (!command) {
        fuzzCheck(!error.isEmpty(), "parse failed without an error text");
        return;
    }
    fuzzCheck(ImapParser::isValidTag(command->tag), "parse accepted an invalid tag");
    visitArgs(command->args, 0);
    if (command->args.size() > 1) {
        QByteArray fetchError;
        ImapFetchRequest::parse(command->args.mid(1), &fetchError);
    }
    QByteArray argError;
    ImapParser::parseArguments(raw, &argError);
}

int fuzzImapCommand(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    ImapCommandReader reader;
    reader.setMaxAppendLiteral(1 << 20);
    qsizetype pos = 0;
    qsizetype cut = 0;
    int steps = 0;
    while (pos < input.size()) {
        const qsizetype piece = qMin<qsizetype>(input.size() - pos, 1 + uchar(input.at(cut++ % input.size())) % 97);
        reader.feed(QByteArrayView(input.constData() + pos, piece));
        pos += piece;
        for (;;) {
            fuzzCheck(++steps < 100000, "command reader does not make progress");
            const ImapCommandReader::Status status = reader.next();
            if (status == ImapCommandReader::Status::NeedMore)
                break;
            if (status == ImapCommandReader::Status::CommandReady)
                handleCommand(reader.takeCommand());
            else if (status == ImapCommandReader::Status::Error)
                fuzzCheck(!reader.errorText().isEmpty(), "error without a text");
        }
        fuzzCheck(reader.bufferedBytes() <= ImapLimits::MaxCommandSize + 256 + input.size(), "buffer grows");
    }
    return 0;
}
