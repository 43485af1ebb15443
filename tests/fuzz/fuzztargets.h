// The fuzz entry points: one function per target, each taking arbitrary bytes and
// driving one pure parser through every public call it offers, with cheap invariant
// checks (fuzzCheck aborts, so libFuzzer and the replay both report the input).
// Built twice: into libFuzzer binaries (clang, POSTROOM_FUZZ) and into fuzzreplay (ctest).
#pragma once

#include <cstddef>
#include <cstdint>

using FuzzEntry = int (*)(const uint8_t *data, size_t size);

struct FuzzTarget {
    const char *name;   // also the folder name under corpus/ and regressions/
    FuzzEntry entry;
};

int fuzzSmtpCommand(const uint8_t *data, size_t size);
int fuzzSmtpData(const uint8_t *data, size_t size);
int fuzzImapCommand(const uint8_t *data, size_t size);
int fuzzMime(const uint8_t *data, size_t size);
int fuzzConfig(const uint8_t *data, size_t size);
int fuzzControl(const uint8_t *data, size_t size);
int fuzzJwt(const uint8_t *data, size_t size);

inline constexpr FuzzTarget FuzzTargets[] = {
    {"smtp_command", fuzzSmtpCommand},
    {"smtp_data", fuzzSmtpData},
    {"imap_command", fuzzImapCommand},
    {"mime", fuzzMime},
    {"config", fuzzConfig},
    {"control", fuzzControl},
    {"jwt", fuzzJwt},
};

// Aborts with a message when an invariant does not hold (a finding, not a test failure).
void fuzzCheck(bool condition, const char *what);
// Silences Qt's message output once (parsers may warn about hostile input).
void fuzzQuietQt();
