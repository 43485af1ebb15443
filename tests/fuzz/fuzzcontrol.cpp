// Target control: bytes arriving on the control socket, cut into reads (sizes from the
// input), framed by JsonLineChannel::takeLines with a small cap, each line parsed as
// JSON and read as every control-protocol structure (daemon side and GUI side).
#include "fuzztargets.h"

#include "controlprotocol.h"
#include "jsonlinechannel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

static void readMessage(const QByteArray &line)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return;
    const QJsonObject o = doc.object();
    ControlProtocol::Request request;
    QString problem;
    if (ControlProtocol::Request::fromJson(o, &request, &problem)) {
        ControlProtocol::Request again;
        fuzzCheck(ControlProtocol::Request::fromJson(request.toJson(), &again, &problem)
                      && again.id == request.id && again.method == request.method,
                  "request does not round-trip");
    } else {
        fuzzCheck(!problem.isEmpty(), "request refused without a reason");
    }
    ControlProtocol::Reply::fromJson(o);
    ControlProtocol::Error::fromJson(o);
    ControlProtocol::StatusResult::fromJson(o.value(QLatin1String("result")).toObject());
    ControlProtocol::StatusResult::fromJson(o);
    ControlProtocol::ListenerStatus::fromJson(o);
    ControlProtocol::LogRecord::fromJson(o);
    ControlProtocol::configErrorsFromJson(o.value(QLatin1String("errors")).toArray());
}

int fuzzControl(const uint8_t *data, size_t size)
{
    constexpr qint64 MaxLine = 512;
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    QByteArray buffer;
    qsizetype pos = 0;
    qsizetype cut = 0;
    while (pos < input.size()) {
        const qsizetype piece = qMin<qsizetype>(input.size() - pos, 1 + uchar(input.at(cut++ % input.size())) % 200);
        buffer.append(input.constData() + pos, piece);
        pos += piece;
        QList<QByteArray> lines;
        JsonLineChannel::takeLines(buffer, MaxLine, &lines);
        fuzzCheck(buffer.size() <= MaxLine, "unfinished line kept over the cap");
        for (const QByteArray &line : lines) {
            fuzzCheck(line.size() <= MaxLine && !line.contains('\n'), "line over the cap or not split");
            readMessage(line);
        }
    }
    return 0;
}
