// Control-socket methods for accounts, used by postroom-admin. Password hashing runs off
// the event loop; the reply comes when it is done. Errors: ControlProtocol::Reply::failure
// with code bad_request / not_found / failed and a clear message.
//   user.list {} -> {"users":[{"address","display_name","quota_bytes"(null|int),"used_bytes","enabled"}]}
//   user.show {"address"} -> {"user":{...same..., "folders":[{"name","messages","unseen"}]}}
//   user.add {"address","password","display_name"?,"quota_bytes"?} -> {"user":{...}}
//   user.remove {"address","delete_mail":bool} -> {}
//   user.passwd {"address","password"} -> {}      user.enable / user.disable {"address"} -> {}
//   user.quota {"address","quota_bytes":null|int} -> {}
//   alias.list {} -> {"aliases":[{"alias","targets":[...]}]}
//   alias.add {"alias","targets":[...]} -> {}     alias.remove {"alias"} -> {}
#pragma once

class AccountStore;
class ControlMethodTable;
class MailStore;

void registerStoreControlMethods(ControlMethodTable &table, AccountStore *accounts, MailStore *store);
