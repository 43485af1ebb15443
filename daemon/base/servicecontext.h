// What every protocol service gets from the server: the live config and the shared
// subsystems. Pointers stay valid for the server's lifetime; the Config object is
// replaced in place on reload, after which each service's applyConfig() runs.
#pragma once

#include "config.h"

class StatsRegistry;
class TlsContext;
class ConnectionBudget;
class RateLimiter;
class AccountStore;
class MailStore;
class DeliveryQueue;
class ControlMethodTable;

struct ServiceContext {
    const Config *config = nullptr;
    StatsRegistry *stats = nullptr;
    TlsContext *tls = nullptr;
    ConnectionBudget *budget = nullptr;
    RateLimiter *rateLimiter = nullptr;   // shared by SMTP, IMAP and the API
    AccountStore *accounts = nullptr;
    MailStore *mailStore = nullptr;
    DeliveryQueue *queue = nullptr;
    ControlMethodTable *controlMethods = nullptr;
};
