// preflight.cc: COPY … FROM STDIN / TO STDOUT, by the parse tree (no file name, no PROGRAM).
#include "apply/preflight.h"

#include <pg_query/pg_query.pb-c.h>

namespace migralint::apply {

std::vector<Diagnostic> Unrunnable(const FileUnit& unit) {
  std::vector<Diagnostic> out;
  for (const Statement& s : unit.statements) {
    if (s.IsNested() || !s.node || s.node->node_case != PG_QUERY__NODE__NODE_COPY_STMT) continue;
    const PgQuery__CopyStmt* copy = s.node->copy_stmt;
    if (copy->is_program || (copy->filename && *copy->filename)) continue;  // the server's file
    Diagnostic d;
    d.rule = "apply";
    d.severity = Severity::kError;
    d.path = unit.source.path;
    d.start = unit.source.At(s.begin);
    d.end = unit.source.At(s.end);
    d.message = copy->is_from ? "COPY … FROM STDIN reads rows that the client must stream; "
                                "migralint's executor has none to send"
                              : "COPY … TO STDOUT streams rows to the client; migralint's "
                                "executor does not read them";
    d.help = copy->is_from ? "put the rows in INSERT statements, or COPY FROM a file on the server"
                           : "remove it: a migration's output goes nowhere";
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace migralint::apply
