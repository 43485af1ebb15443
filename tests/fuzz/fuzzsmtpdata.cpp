// Target smtp_data: the DATA/BDAT content reader. The input is fed whole and again cut
// into pieces at positions taken from the input itself; both runs must agree byte for
// byte (the session sees input cut anywhere). The first byte picks the mode.
#include "fuzztargets.h"

#include "smtpdatareader.h"

#include <QByteArray>

namespace {
struct Result {
    QByteArray out;
    qint64 consumed = 0;
    bool done = false;
    bool bare = false;
    bool longLine = false;
    qint64 messageSize = 0;
};

Result run(SmtpDataReader::Mode mode, const QByteArray &input, const QByteArray &cuts)
{
    SmtpDataReader reader(mode);
    Result r;
    qint64 pos = 0;
    int cutIndex = 0;
    while (pos < input.size() && !reader.isDone()) {
        qint64 piece = input.size() - pos;
        if (cutIndex < cuts.size())
            piece = qMin<qint64>(piece, 1 + uchar(cuts.at(cutIndex++)) % 64);
        const qint64 used = reader.feed(input.constData() + pos, piece, &r.out);
        fuzzCheck(used >= 0 && used <= piece, "feed consumed more than it was given");
        fuzzCheck(used == piece || reader.isDone(), "feed stopped early without reaching the end of data");
        pos += used;
    }
    if (mode == SmtpDataReader::Mode::Bdat)
        reader.finish();
    r.consumed = pos;
    r.done = reader.isDone();
    r.bare = reader.sawBareLineEnding();
    r.longLine = reader.sawLongLine();
    r.messageSize = reader.messageSize();
    fuzzCheck(r.messageSize == r.out.size(), "messageSize differs from the bytes written");
    return r;
}
}

int fuzzSmtpData(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const SmtpDataReader::Mode mode = (data[0] & 1) ? SmtpDataReader::Mode::Bdat : SmtpDataReader::Mode::Data;
    const QByteArray input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const Result whole = run(mode, input, QByteArray());
    const Result cut = run(mode, input, input);
    fuzzCheck(whole.out == cut.out, "output depends on how the input was cut");
    fuzzCheck(whole.consumed == cut.consumed && whole.done == cut.done, "end of data depends on the cuts");
    fuzzCheck(whole.bare == cut.bare && whole.longLine == cut.longLine, "flags depend on the cuts");
    if (mode == SmtpDataReader::Mode::Data && whole.done) {
        // The end of data is CRLF "." CRLF (or "." CRLF at the very start) and nothing else.
        fuzzCheck(input.left(whole.consumed).endsWith(".\r\n"), "data ended without .CRLF");
        fuzzCheck(whole.consumed == 3 || input.left(whole.consumed).endsWith("\r\n.\r\n"),
                  "data ended without CRLF.CRLF");
    }
    if (mode == SmtpDataReader::Mode::Data && whole.done && !whole.bare) {
        // Without bare line endings every CR in the output is followed by LF and vice versa.
        for (qsizetype i = 0; i < whole.out.size(); ++i) {
            if (whole.out.at(i) == '\r')
                fuzzCheck(i + 1 < whole.out.size() && whole.out.at(i + 1) == '\n', "bare CR passed unflagged");
            if (whole.out.at(i) == '\n')
                fuzzCheck(i > 0 && whole.out.at(i - 1) == '\r', "bare LF passed unflagged");
        }
    }
    return 0;
}
