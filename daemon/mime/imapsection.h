// ImapSection: the section-spec of BODY[section]<partial> (RFC 3501 6.4.5, 9 "section"):
// parsing the text between the brackets, the canonical response name, and locating
// the bytes in a message with the part table of a MimeFetchInfo. Pure, no I/O.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <optional>

class MimeFetchInfo;

class ImapSection
{
public:
    enum class Text { None, Header, HeaderFields, HeaderFieldsNot, Text, Mime };

    QList<int> path;               // 1-based part numbers; empty = the whole message
    Text text = Text::None;
    QList<QByteArray> fields;      // for HeaderFields / HeaderFieldsNot, upper-cased

    // Parses e.g. "", "HEADER", "1.2.MIME", "3.HEADER.FIELDS (From To)". Case-insensitive.
    static std::optional<ImapSection> parse(QByteArrayView spec, QString *error = nullptr);
    // The section as it goes into the response: "1.HEADER.FIELDS (FROM TO)".
    QByteArray toString() const;

    // The section's bytes from `raw` (the message the info was built from). A part
    // that does not exist, and HEADER/TEXT of a part that is not message/rfc822, give
    // an empty string, as in Dovecot. std::nullopt only when `info` does not belong to
    // `raw` (its size differs): rebuild the info from the message then.
    std::optional<QByteArray> extract(const QByteArray &raw, const MimeFetchInfo &info) const;

    // <origin.count> (RFC 3501 6.4.5): the slice, empty when origin is past the end.
    static QByteArray partial(const QByteArray &data, qint64 origin, qint64 count);
};
