#pragma once

#include <array>
#include <cstddef>
#include <mutex>
#include <optional>
#include <vector>

namespace cg {

// The latest answers to a costly question a rule asks again and again (is this
// digit run a phone number, which patterns do these words allow), shared by every
// thread that uses the rule: chat repeats itself across the messages of a
// conversation, of a person, of a thread, whichever thread reads them. A fixed
// number of slots, one per key hash, so memory stays bounded; the slots are in
// shards with a lock each, so threads seldom wait for one another, and the
// question is answered outside any lock.
template <typename Key, typename Value>
class RememberedAnswers final
{
public:
    // Sets `value` to the answer remembered for `key` (whose hash is `hash`).
    bool find(const Key &key, std::size_t hash, Value &value) const
    {
        const Shard &shard = shardOf(hash);
        const std::lock_guard<std::mutex> lock(shard.mutex);
        const Slot &slot = shard.entries[slotOf(hash)];
        if (!slot.key || *slot.key != key)
            return false;
        value = slot.value;
        return true;
    }

    // Remembers `value` as the answer for `key`, in place of what its slot held.
    void remember(const Key &key, std::size_t hash, const Value &value)
    {
        Shard &shard = shardOf(hash);
        const std::lock_guard<std::mutex> lock(shard.mutex);
        Slot &slot = shard.entries[slotOf(hash)];
        slot.key = key;
        slot.value = value;
    }

private:
    static constexpr std::size_t kShards = 16;
    static constexpr std::size_t kSlotsPerShard = 1024;
    struct Slot
    {
        std::optional<Key> key;
        Value value;
    };
    struct Shard
    {
        mutable std::mutex mutex;
        std::vector<Slot> entries = std::vector<Slot>(kSlotsPerShard);
    };

    Shard &shardOf(std::size_t hash) { return m_shards[hash % kShards]; }
    const Shard &shardOf(std::size_t hash) const { return m_shards[hash % kShards]; }
    static std::size_t slotOf(std::size_t hash) { return hash / kShards % kSlotsPerShard; }

    std::array<Shard, kShards> m_shards;
};

} // namespace cg
