// Error reporting for the mail store: a code the protocols map to their replies
// (OverQuota -> SMTP 552 5.2.2 / IMAP NO [OVERQUOTA]) and a message for logs and
// admin tools. Messages may name paths: protocols send generic texts instead.
#pragma once

#include <QString>

enum class StoreErrorCode {
    None,
    NotFound,      // no such user, folder or message
    AlreadyExists, // folder / user / alias exists
    InvalidName,   // folder name or address refused (escape attempt, bad characters)
    NotPermitted,  // e.g. deleting INBOX, a folder with children, a domain not in `domains`
    OverQuota,     // delivery/append would exceed the user's quota; nothing was written
    Io,            // filesystem error
};

struct StoreError {
    StoreErrorCode code = StoreErrorCode::None;
    QString message;

    bool isError() const { return code != StoreErrorCode::None; }
    static StoreError make(StoreErrorCode c, const QString &m) { return StoreError{c, m}; }
};

// Sets *out (when non-null) and returns false, for `return fail(error, ...)`.
inline bool storeFail(StoreError *out, StoreErrorCode code, const QString &message)
{
    if (out)
        *out = StoreError{code, message};
    return false;
}
