package io.bop.engine;

import io.bop.encryption.MasterKey;
import io.bop.replication.CommitSink;
import java.nio.file.Path;
import java.time.Duration;

/**
 * @param dataDir the folder holding one encrypted SQLite file per database
 * @param masterKey the key every database key is derived from
 * @param commitSink where committed WAL frames go (local for a single node, Raft in a cluster)
 * @param readersPerDatabase reader connections each database may open
 * @param cacheSizeKib SQLite page cache per connection
 * @param user the account clients log in as
 * @param password its password
 * @param defaultDatabase the database created at first start
 * @param lockTimeout how long a write waits for another transaction's write to finish
 */
public record EngineSettings(Path dataDir, MasterKey masterKey, CommitSink commitSink, int readersPerDatabase,
    int cacheSizeKib, String user, String password, String defaultDatabase, Duration lockTimeout) {}
