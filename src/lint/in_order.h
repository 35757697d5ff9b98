// in_order.h: parallel preparation, in-order consumption, bounded look-ahead.
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace migralint::lint {

/// Runs prepare(i) once for each i in [0, n) and consume(i) on this thread, in order, each after
/// its prepare(i). `jobs` threads prepare (this one included: while the item it must consume next
/// is not ready, it prepares another), at most `ahead` items beyond the last one consumed. (Files
/// are parsed in parallel and replayed in order; only the trees of the files in between live.)
template <typename Prepare, typename Consume>
void InOrder(std::size_t n, unsigned jobs, std::size_t ahead, Prepare prepare, Consume consume) {
  if (jobs <= 1 || n < 2) {
    for (std::size_t i = 0; i < n; ++i) {
      prepare(i);
      consume(i);
    }
    return;
  }
  const std::unique_ptr<std::atomic<bool>[]> ready(new std::atomic<bool>[n] {});
  std::atomic<std::size_t> next{0}, consumed{0};
  std::atomic<int> sleepers{0};
  std::mutex mutex;
  std::condition_variable changed;
  auto wake = [&] {
    if (sleepers.load() == 0) return;  // (seq_cst: a thread about to sleep sees the change)
    std::lock_guard lock(mutex);
    changed.notify_all();
  };
  auto sleep_until = [&](auto done) {
    std::unique_lock lock(mutex);
    ++sleepers;
    changed.wait(lock, done);
    --sleepers;
  };
  // The next unprepared item within the window, or n.
  auto claim = [&] {
    std::size_t i = next.load();
    while (i < n && i < consumed.load() + ahead) {
      if (next.compare_exchange_weak(i, i + 1)) return i;
    }
    return n;
  };
  auto prepared = [&](std::size_t i) {
    prepare(i);
    ready[i].store(true);
    wake();
  };
  auto work = [&] {
    for (;;) {
      if (const std::size_t i = claim(); i < n) {
        prepared(i);
      } else if (next.load() >= n) {
        return;
      } else {
        sleep_until([&] { return next.load() >= n || next.load() < consumed.load() + ahead; });
      }
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < std::min<std::size_t>(jobs, n); ++t) threads.emplace_back(work);
  for (std::size_t i = 0; i < n; ++i) {
    while (!ready[i].load()) {
      if (const std::size_t j = claim(); j < n) {
        prepared(j);
      } else {
        sleep_until([&] { return ready[i].load(); });
      }
    }
    consume(i);
    consumed.store(i + 1);
    wake();
  }
  for (auto& thread : threads) thread.join();
}

}  // namespace migralint::lint
