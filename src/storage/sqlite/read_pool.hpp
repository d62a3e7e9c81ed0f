#pragma once
// A fixed set of read-only connections, each with its statements prepared once, lent to
// one thread at a time. In WAL mode readers never wait for the writer.

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

#include "domain/received_filing.hpp"
#include "storage/sqlite/connection.hpp"
#include "util/error.hpp"

namespace redress::storage::sqlite {

class ReadPool {
  public:
    // Opens `size` read-only connections to an existing database.
    static util::Expected<std::unique_ptr<ReadPool>> open(const std::filesystem::path& path,
                                                          std::size_t size);

    // The complaint with exactly this reference and its timeline, oldest first.
    util::Expected<std::optional<domain::ComplaintRecord>> find_complaint(
        std::string_view reference);

    // Whether a trivial query succeeds.
    bool healthy();

  private:
    struct Reader {
        Connection connection;
        Statement find_complaint;
        Statement ping;
    };

    // Returns the reader to the pool when it goes out of scope.
    class Lease {
      public:
        Lease(ReadPool& pool, Reader& reader) : m_pool(&pool), m_reader(&reader) {}
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        ~Lease() { m_pool->give_back(*m_reader); }
        Reader* operator->() const { return m_reader; }

      private:
        ReadPool* m_pool;
        Reader* m_reader;
    };

    explicit ReadPool(std::vector<std::unique_ptr<Reader>> readers);
    Lease borrow();
    void give_back(Reader& reader);

    std::vector<std::unique_ptr<Reader>> m_readers;  // owns them all
    std::mutex m_mutex;
    std::condition_variable m_returned;
    std::vector<Reader*> m_idle;
};

}  // namespace redress::storage::sqlite
