// libpq.cc: dlopen once; every symbol resolved, or none used.
#include "apply/libpq.h"

#include <dlfcn.h>

#include <mutex>

namespace migralint::apply {

const Libpq* LoadLibpq(std::string& error) {
  static std::once_flag once;
  static Libpq library;
  static const Libpq* loaded = nullptr;
  static std::string failure;
  std::call_once(once, [] {
    void* handle = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      const char* why = dlerror();
      failure = std::string("cannot load libpq (install libpq5): ") + (why ? why : "unknown");
      return;
    }
    bool all = true;
    auto bind = [&](auto& slot, const char* name) {
      slot = reinterpret_cast<std::remove_reference_t<decltype(slot)>>(dlsym(handle, name));
      if (!slot) {
        all = false;
        failure = std::string("libpq has no ") + name;
      }
    };
    bind(library.connectdb_params, "PQconnectdbParams");
    bind(library.conninfo_parse, "PQconninfoParse");
    bind(library.conninfo_free, "PQconninfoFree");
    bind(library.freemem, "PQfreemem");
    bind(library.status, "PQstatus");
    bind(library.error_message, "PQerrorMessage");
    bind(library.finish, "PQfinish");
    bind(library.set_notice_processor, "PQsetNoticeProcessor");
    bind(library.exec, "PQexec");
    bind(library.exec_params, "PQexecParams");
    bind(library.result_status, "PQresultStatus");
    bind(library.result_error_field, "PQresultErrorField");
    bind(library.result_error_message, "PQresultErrorMessage");
    bind(library.ntuples, "PQntuples");
    bind(library.nfields, "PQnfields");
    bind(library.getisnull, "PQgetisnull");
    bind(library.getvalue, "PQgetvalue");
    bind(library.clear, "PQclear");
    if (all) loaded = &library;  // (the handle stays open for the process's life)
  });
  if (!loaded) error = failure;
  return loaded;
}

}  // namespace migralint::apply
