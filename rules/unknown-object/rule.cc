// unknown-object: a statement uses a table, column, function or type that nothing earlier in
// execution order created and that is not declared external.
#include "migralint/rule.h"

#include <cctype>
#include <set>
#include <string>

#include "migralint/pg_nodes.h"

namespace migralint::rules {
namespace {

class Checker {
 public:
  Checker(RuleContext& ctx, const StatementContext& s) : ctx_(ctx), s_(s) {}

  void Relation(const PgQuery__RangeVar* relation, bool missing_ok = false) {
    if (!relation || missing_ok) return;
    const std::string name = pg::Qualified(relation);
    if (s_.before.HasRelation(name)) return;
    const bool unqualified = !relation->schemaname || !*relation->schemaname;
    if (unqualified && InAnotherSchema(relation->relname)) return;
    if (PartitionOfKnownTable(name)) return;
    Report(relation->location, "table", name);
  }

  // An unqualified name the set created in another schema: the runner's search_path (set
  // outside the migrations, as dbmate and psql setups do) may well find it there.
  bool InAnotherSchema(const std::string& relname) const {
    const std::string suffix = "." + relname;
    for (const auto& [qualified, table] : s_.before.tables) {
      if (qualified.size() > suffix.size() &&
          qualified.compare(qualified.size() - suffix.size(), suffix.size(), suffix) == 0)
        return true;
    }
    return false;
  }

  // "<table>_<n>": a partition that a function of the set created with dynamic SQL (EXECUTE
  // format('CREATE TABLE %s_%s …')), which the replay does not run.
  bool PartitionOfKnownTable(const std::string& name) const {
    std::size_t end = name.size();
    while (end > 0 && std::isdigit(static_cast<unsigned char>(name[end - 1]))) --end;
    return end < name.size() && end > 1 && name[end - 1] == '_' &&
           s_.before.HasRelation(name.substr(0, end - 1));
  }

  std::set<std::string>& AddedColumns() { return added_columns_; }

  // A column of a table the model knows completely.
  void Column(const std::string& table_name, const std::string& column, int location) {
    const Table* table = s_.before.FindTable(table_name);
    if (!table || !table->columns_known || column.empty() || table->FindColumn(column)) return;
    if (added_columns_.count(column)) return;
    Report(location, "column", table_name + "." + column,
           "column \"" + column + "\" of \"" + table_name + "\"");
  }

  void Type(const PgQuery__TypeName* type) {
    if (!type || type->pct_type) return;
    const ColumnType t = pg::TypeOf(type);
    if (t.name.empty() || s_.before.HasType(t.name)) return;
    const std::string qualified =
        t.name.find('.') == std::string::npos ? "public." + t.name : t.name;
    Report(type->location, "type", qualified);
  }

  // A trigger's function: the tree keeps no position for it, so it is found in the text.
  void Function(PgQuery__Node* const* names, std::size_t n) {
    const std::string name = pg::Qualified(names, n);
    if (name.empty() || s_.before.HasFunction(name)) return;
    const std::string_view text(s_.file.source.text());
    const std::string last(pg::Str(names[n - 1]));
    const std::size_t at = text.substr(0, s_.statement.end).rfind(last);
    const int location = at == std::string_view::npos || at < s_.statement.begin
                             ? -1
                             : static_cast<int>(at - s_.statement.parse_base);
    Report(location, "function", name);
  }

 private:
  void Report(int location, const std::string& kind, const std::string& name,
              std::string described = "") {
    const bool placed = location >= 0;
    const std::uint32_t begin = placed
                                    ? s_.statement.parse_base + static_cast<std::uint32_t>(location)
                                    : s_.statement.begin;
    const std::uint32_t end = placed ? s_.NameEnd(begin) : s_.statement.end;
    if (described.empty()) described = kind + " \"" + name + "\"";
    std::string message = described + " does not exist at this point";
    std::string help =
        "create it in an earlier migration, or declare it in `external` of migralint.toml if it "
        "exists before the set runs";
    // Whether a later migration creates it is known once the whole set has been read.
    ctx_.AtEndOfSet([&file = s_.file, at = s_.file_index, begin, end = std::max(end, begin + 1),
                     name, kind, message, help](RuleContext& ctx, const SetUnit& set) mutable {
      if (const FileUnit* later = set.CreatedAfter(name, at)) {
        message += ": it is created later, by \"" + later->file->relative + "\" (wrong order)";
        help = "move this statement after \"" + later->file->relative + "\", or create the " +
               kind + " first";
      }
      ctx.Report(file, begin, end, std::move(message), std::move(help));
    });
  }

  RuleContext& ctx_;
  const StatementContext& s_;
  std::set<std::string> added_columns_;
};

void ForeignKey(Checker& check, const PgQuery__Constraint& c, const std::string& self) {
  if (c.contype != PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN || !c.pktable) return;
  const std::string target = pg::Qualified(c.pktable);
  if (target == self) return;
  check.Relation(c.pktable);
  for (std::size_t i = 0; i < c.n_pk_attrs; ++i)
    check.Column(target, std::string(pg::Str(c.pk_attrs[i])), c.location);
}

void ColumnDefinition(Checker& check, const PgQuery__ColumnDef& def, const std::string& table) {
  check.Type(def.type_name);
  for (std::size_t i = 0; i < def.n_constraints; ++i) {
    if (def.constraints[i]->node_case == PG_QUERY__NODE__NODE_CONSTRAINT)
      ForeignKey(check, *def.constraints[i]->constraint, table);
  }
}

void AlterTable(Checker& check, const PgQuery__AlterTableStmt& s) {
  if (s.objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) return;
  check.Relation(s.relation, s.missing_ok);
  const std::string table = pg::Qualified(s.relation);
  check.AddedColumns().clear();  // columns added by earlier commands of this statement
  for (std::size_t i = 0; i < s.n_cmds; ++i) {
    if (s.cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
    const PgQuery__AlterTableCmd& cmd = *s.cmds[i]->alter_table_cmd;
    switch (cmd.subtype) {
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
        if (cmd.def && cmd.def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
          ColumnDefinition(check, *cmd.def->column_def, table);
          check.AddedColumns().insert(cmd.def->column_def->colname);
        }
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
        check.Column(table, cmd.name, -1);
        if (cmd.def && cmd.def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
          check.Type(cmd.def->column_def->type_name);
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
        if (!cmd.missing_ok) check.Column(table, cmd.name, -1);
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault:
        check.Column(table, cmd.name, -1);
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
        if (cmd.def && cmd.def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
          const PgQuery__Constraint& c = *cmd.def->constraint;
          ForeignKey(check, c, table);
          for (std::size_t k = 0; k < c.n_fk_attrs; ++k)
            check.Column(table, std::string(pg::Str(c.fk_attrs[k])), c.location);
          for (std::size_t k = 0; k < c.n_keys; ++k)
            check.Column(table, std::string(pg::Str(c.keys[k])), c.location);
        }
        break;
      default:
        break;
    }
  }
}

void Check(RuleContext& ctx, const StatementContext& s) {
  // In a DO block's IF, the author checked for existence first.
  if (s.Conditional()) return;
  Checker check(ctx, s);
  const PgQuery__Node* node = s.statement.node;
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_STMT: {
      const PgQuery__CreateStmt& c = *node->create_stmt;
      const std::string table = pg::Qualified(c.relation);
      if (c.if_not_exists && s.before.HasRelation(table)) break;
      for (std::size_t i = 0; i < c.n_table_elts; ++i) {
        const PgQuery__Node* e = c.table_elts[i];
        if (e->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
          ColumnDefinition(check, *e->column_def, table);
        if (e->node_case == PG_QUERY__NODE__NODE_CONSTRAINT)
          ForeignKey(check, *e->constraint, table);
      }
      break;
    }
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
      AlterTable(check, *node->alter_table_stmt);
      break;
    case PG_QUERY__NODE__NODE_INDEX_STMT: {
      const PgQuery__IndexStmt& i = *node->index_stmt;
      check.Relation(i.relation);
      for (std::size_t k = 0; k < i.n_index_params; ++k) {
        const PgQuery__Node* p = i.index_params[k];
        if (p->node_case == PG_QUERY__NODE__NODE_INDEX_ELEM && p->index_elem->name &&
            *p->index_elem->name) {
          check.Column(pg::Qualified(i.relation), p->index_elem->name, i.relation->location);
        }
      }
      break;
    }
    case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT: {
      const PgQuery__CreateTrigStmt& t = *node->create_trig_stmt;
      check.Relation(t.relation);
      check.Function(t.funcname, t.n_funcname);
      break;
    }
    case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT:
      check.Relation(node->create_policy_stmt->table);
      break;
    case PG_QUERY__NODE__NODE_INSERT_STMT:
      if (!node->insert_stmt->with_clause) check.Relation(node->insert_stmt->relation);
      break;
    case PG_QUERY__NODE__NODE_UPDATE_STMT:
      if (!node->update_stmt->with_clause) check.Relation(node->update_stmt->relation);
      break;
    case PG_QUERY__NODE__NODE_DELETE_STMT:
      if (!node->delete_stmt->with_clause) check.Relation(node->delete_stmt->relation);
      break;
    case PG_QUERY__NODE__NODE_RENAME_STMT: {
      const PgQuery__RenameStmt& r = *node->rename_stmt;
      if (r.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE)
        check.Relation(r.relation, r.missing_ok);
      if (r.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN) {
        check.Relation(r.relation, r.missing_ok);
        if (!r.missing_ok) check.Column(pg::Qualified(r.relation), r.subname, -1);
      }
      break;
    }
    case PG_QUERY__NODE__NODE_DROP_STMT: {
      const PgQuery__DropStmt& d = *node->drop_stmt;
      if (d.missing_ok || d.remove_type != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) break;
      for (std::size_t k = 0; k < d.n_objects; ++k) {
        const PgQuery__Node* o = d.objects[k];
        if (o->node_case != PG_QUERY__NODE__NODE_LIST) continue;
        const std::string name = pg::Qualified(o->list->items, o->list->n_items);
        if (!s.before.HasRelation(name)) {
          PgQuery__RangeVar relation = PG_QUERY__RANGE_VAR__INIT;
          std::string schema = name.substr(0, name.find('.')),
                      table = name.substr(name.find('.') + 1);
          relation.schemaname = schema.data();
          relation.relname = table.data();
          relation.location = -1;
          check.Relation(&relation);
        }
      }
      break;
    }
    default:
      break;
  }
}

}  // namespace

const Rule& unknown_object() {
  static const Rule rule{
      .id = "unknown-object",
      .severity = Severity::kWarning,
      .category = "correctness",
      .summary = "a statement uses a table, column, function or type that nothing earlier created",
      .check_statement = Check,
  };
  return rule;
}

}  // namespace migralint::rules
