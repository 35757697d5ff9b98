// libpq.h: libpq, loaded when a database is first needed rather than at start-up. It brings some
// twenty libraries (Kerberos, LDAP, GnuTLS) whose loading cost every lint run ~2 ms.
#pragma once

#include <libpq-fe.h>

#include <string>

namespace migralint::apply {

/// The libpq functions migralint calls.
struct Libpq {
  decltype(&PQconnectdbParams) connectdb_params;
  decltype(&PQconninfoParse) conninfo_parse;
  decltype(&PQconninfoFree) conninfo_free;
  decltype(&PQfreemem) freemem;
  decltype(&PQstatus) status;
  decltype(&PQerrorMessage) error_message;
  decltype(&PQfinish) finish;
  decltype(&PQsetNoticeProcessor) set_notice_processor;
  decltype(&PQexec) exec;
  decltype(&PQexecParams) exec_params;
  decltype(&PQresultStatus) result_status;
  decltype(&PQresultErrorField) result_error_field;
  decltype(&PQresultErrorMessage) result_error_message;
  decltype(&PQntuples) ntuples;
  decltype(&PQnfields) nfields;
  decltype(&PQgetisnull) getisnull;
  decltype(&PQgetvalue) getvalue;
  decltype(&PQclear) clear;
};

/// libpq (libpq.so.5), loaded once; null with `error` set when it cannot be.
const Libpq* LoadLibpq(std::string& error);

}  // namespace migralint::apply
