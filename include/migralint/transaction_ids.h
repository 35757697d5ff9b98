// transaction_ids.h: which statements of a file share a transaction as its runner executes it —
// for rules about what one transaction holds (a lock kept until COMMIT, a SET LOCAL).
#pragma once

#include <vector>

namespace migralint {

class FileExecution;
struct FileUnit;

/// For each statement of `unit` (by index in unit.statements), the transaction it runs in: equal
/// numbers, same transaction. Top-level statements outside any block get one each; a file's
/// COMMIT / ROLLBACK ends one and a BEGIN starts the next; a nested statement (DO block) runs in
/// its top-level statement's. `execution` must be the file's.
std::vector<int> TransactionIds(const FileUnit& unit, const FileExecution& execution);

}  // namespace migralint
