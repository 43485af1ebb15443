// MimeTreeBuilder: the single forward pass behind MimeMessage::parse(). Keeps a stack of
// the open multipart boundaries (innermost first when matching, RFC 2046 5.1.1) so each
// line is looked at once per open level; recursion depth is capped at MimeMessage::MaxDepth.
#pragma once

#include "mimemessage.h"

class MimeTreeBuilder
{
public:
    explicit MimeTreeBuilder(MimeMessage &msg);
    void build();

private:
    // A boundary line found in the body: which open level it closes, -1 = end of input.
    struct Hit {
        qsizetype lineStart = -1;
        qsizetype lineEnd = -1;
        int level = -1;
        bool close = false;
    };

    Hit parsePart(qsizetype start, int depth, int parent, bool inDigest);
    Hit scanBody(qsizetype pos) const;
    int matchBoundary(qsizetype lineStart, qsizetype lineEnd, bool *close) const;
    qsizetype endBefore(const Hit &hit, qsizetype bodyStart) const;
    qsizetype lineEndAt(qsizetype pos) const;
    void applyHeader(MimePart &part, qsizetype headerEnd, bool inDigest) const;
    void countLines();
    int addInventedPart(int parent, qsizetype at, int depth);

    MimeMessage &m_msg;
    const char *m_d;
    qsizetype m_size;
    QList<QByteArray> m_boundaries;    // open multipart boundaries, outermost first
};
