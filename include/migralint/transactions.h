// transactions.h: how a file meets transactions — its directives and its own BEGIN / COMMIT.
// Shared by the transaction rules and the executor.
#pragma once

#include "migralint/rule.h"

namespace migralint {

/// True when the runner must not wrap the file in a transaction: `-- migralint:no-transaction`
/// in its leading comments, dbmate's `-- migrate:up transaction:false`, or a name that says so
/// (pop's `.autocommit`).
bool HasNoTransactionDirective(const FileUnit& unit);

/// True when the file manages its own transactions (a top-level BEGIN / START TRANSACTION /
/// COMMIT / ROLLBACK).
bool ManagesOwnTransaction(const FileUnit& unit);

/// The TransactionStmt kind of a statement, or 0 when it is no transaction statement.
int TransactionKind(const Statement& statement);

/// What the statement is ("CREATE INDEX CONCURRENTLY", "VACUUM", ...) when PostgreSQL refuses to
/// run it inside a transaction block; else "".
std::string RefusesTransactionBlock(const PgQuery__Node* node);

}  // namespace migralint
