// replay.h: stage 5 — the set's statements replayed, in execution order, into a Schema.
#pragma once

#include <pg_query/pg_query.pb-c.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "migralint/config.h"
#include "migralint/migration_set.h"
#include "migralint/schema.h"

namespace migralint::model {

class Replay {
 public:
  /// Starts from what exists before the set: `external` of the config and the layout's
  /// built-ins (Supabase: auth, storage, their roles and functions).
  Replay(const Config& config, Layout layout);

  const Schema& schema() const { return schema_; }

  /// Applies one statement (a top-level one, or one run by a DO block). `origin` says where it is.
  void Apply(const PgQuery__Node* node, const Origin& origin);
  /// For a statement that did not parse: records the table, view, function or type its
  /// `CREATE ... name` head names (columns unknown).
  void AssumeCreated(std::string_view text, const Origin& origin);

 private:
  void CreateTable(const PgQuery__CreateStmt& stmt, const Origin& origin);
  void AlterTable(const PgQuery__AlterTableStmt& stmt, const Origin& origin);
  void AlterTableCommand(Table& table, const PgQuery__AlterTableCmd& cmd, const Origin& origin);
  void AddColumn(Table& table, const PgQuery__ColumnDef& def, const Origin& origin);
  /// `location`: where the constraint (or its column) is declared in the statement.
  void AddConstraint(Table& table, const PgQuery__Constraint& c, const std::string& column,
                     int location, const Origin& origin);
  void CreateIndex(const PgQuery__IndexStmt& stmt, const Origin& origin);
  void CreateTrigger(const PgQuery__CreateTrigStmt& stmt, const Origin& origin);
  void DieselManageUpdatedAt(const PgQuery__SelectStmt& stmt, const Origin& origin);
  void CreatePolicy(const PgQuery__CreatePolicyStmt& stmt, const Origin& origin);
  void AlterPolicy(const PgQuery__AlterPolicyStmt& stmt);
  Table* PolicyTable(const PgQuery__RangeVar* relation, bool make);
  void CreateFunction(const PgQuery__CreateFunctionStmt& stmt, const Origin& origin);
  void Drop(const PgQuery__DropStmt& stmt);
  /// Removes the indexes `which` selects, recording them in Schema::dropped.
  void DropIndexes(const std::function<bool(const Index&)>& which);
  void RetypeColumns(const std::string& from, const std::string& to);
  void Rename(const PgQuery__RenameStmt& stmt);
  void AddType(std::string qualified, UserType::Kind kind, const Origin& origin);
  void CreateExtension(const std::string& name, const Origin& origin);
  // privileges.cc
  void AddDefaultPrivileges(Layout layout);
  /// What an object created now in `schema` is granted: `kind` "tables", "functions", ….
  Privileges NewPrivileges(const std::string& kind, const std::string& schema) const;
  void Grant(const PgQuery__GrantStmt& stmt);
  void AlterDefaultPrivileges(const PgQuery__AlterDefaultPrivilegesStmt& stmt);
  void AlterFunction(const PgQuery__AlterFunctionStmt& stmt);
  std::vector<Function::Overload*> Overloads(const PgQuery__ObjectWithArgs& object);
  static std::string Signature(const PgQuery__CreateFunctionStmt& stmt);
  static std::vector<std::string> Reads(const PgQuery__Node* query);
  static bool SecurityInvoker(PgQuery__Node* const* options, std::size_t n, bool current);
  void CreateView(const PgQuery__ViewStmt& stmt, const Origin& origin);
  /// A materialized view or foreign table (`query`: the view's, else null).
  void CreateOtherRelation(const std::string& name, Relation::Kind kind, const PgQuery__Node* query,
                           const Origin& origin);
  static void AlterRelationOptions(Relation& relation, const PgQuery__AlterTableStmt& stmt);

  /// A materialized view filled (CREATE or REFRESH without WITH NO DATA) or emptied.
  void Populate(const std::string& view, bool populated);

  Schema schema_;
};

}  // namespace migralint::model
