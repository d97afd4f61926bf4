package io.bop.replication;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads one committed transaction at a time from a shard's {@code -wal} file, right after {@code COMMIT} returned
 * on the single writer connection (replication.md §1.1–1.3, §8.1). Frame headers are plaintext and page images are
 * SQLCipher ciphertext whose checksums SQLite3MC computes over the ciphertext (§1.8), so this needs no key.
 *
 * <p>It keeps the logical end of what it captured (salts, offset, running checksum), never the file size: after a
 * WAL restart the header gets new salts and frames start again at offset 32 while stale frames stay behind, and
 * after {@code wal_checkpoint(TRUNCATE)} the file is empty until the next write (§1.2).
 *
 * <p>The channel is read-only and lives as long as the shard: SQLite takes no POSIX locks on the {@code -wal} file,
 * so reading it is safe, unlike opening and closing the main file or {@code -shm} (§1.6).
 */
final class WalCapture implements Closeable {
  static final int HEADER_SIZE = 32;
  static final int FRAME_HEADER_SIZE = 24;
  static final int MAGIC_LITTLE_ENDIAN_CHECKSUMS = 0x377f0682;
  static final int MAGIC_BIG_ENDIAN_CHECKSUMS = 0x377f0683;
  static final int VERSION = 3007000;
  /** SQLite never writes the page holding byte 2^30 (the lock page, §1.1). */
  private static final long LOCK_BYTE_OFFSET = 0x40000000L;

  /** The frames of one committed transaction, reduced to the last image per page. */
  record Transaction(int pageSize, long databaseSizePages, List<ShardCommit.Page> pages, int frames) {}

  /** Where a WAL (identified by its salts) ends, with the checksum a following frame continues from. */
  private record Position(int salt1, int salt2, long offset, Checksum checksum) {
    boolean sameWal(Header header) {
      return salt1 == header.salt1 && salt2 == header.salt2;
    }
  }

  private record Header(int salt1, int salt2, ByteOrder checksumOrder, Checksum checksum) {
    Position start() {
      return new Position(salt1, salt2, HEADER_SIZE, checksum);
    }
  }

  /** SQLite's cumulative WAL checksum: over pairs of 32-bit words, {@code s0 += w0 + s1; s1 += w1 + s0}. */
  private record Checksum(int s0, int s1) {
    static final Checksum ZERO = new Checksum(0, 0);

    Checksum extend(ByteBuffer data, int from, int to) {
      int a = s0;
      int b = s1;
      for (int i = from; i < to; i += 8) {
        a += data.getInt(i) + b;
        b += data.getInt(i + 4) + a;
      }
      return new Checksum(a, b);
    }
  }

  private final Path walFile;
  private final FileChannel wal;
  private final int pageSize;
  /** The end of the last captured commit, or null when nothing was captured from the current WAL yet. */
  private Position end;
  private boolean rolledBackSinceLastCapture;
  private boolean strayFramesPossible;

  WalCapture(Path walFile, int pageSize) throws IOException {
    this.walFile = walFile;
    this.pageSize = pageSize;
    this.wal = FileChannel.open(walFile, StandardOpenOption.READ);
  }

  /**
   * Tells the capture that a transaction was rolled back. A rolled-back transaction that spilled pages leaves
   * frames in the WAL that continue the checksum chain but end without a commit frame (§1.3); without a rollback
   * such frames mean capture and SQLite disagree, which {@link #next()} reports as a bug.
   */
  void noteRollback() {
    rolledBackSinceLastCapture = true;
  }

  /**
   * The transaction committed after the last captured one, or empty if nothing was committed since. Stops at the
   * first commit frame, so call it after every commit.
   *
   * @throws IllegalStateException if the WAL is not a valid continuation of what was captured before
   */
  Optional<Transaction> next() throws IOException {
    Header header = readHeader();
    if (header == null) {
      end = null;
      rolledBackSinceLastCapture = false;
      strayFramesPossible = false;
      return Optional.empty();
    }
    boolean sameWal = end != null && end.sameWal(header);
    Position start = sameWal ? end : header.start();
    // Rolled-back frames can only be in this WAL if it was already in use at that rollback.
    strayFramesPossible = rolledBackSinceLastCapture || (sameWal && strayFramesPossible);
    rolledBackSinceLastCapture = false;

    Map<Long, byte[]> pages = new TreeMap<>();
    ByteBuffer frame = ByteBuffer.allocate(FRAME_HEADER_SIZE + pageSize).order(header.checksumOrder);
    Position position = start;
    int frames = 0;
    boolean chainBroken = false;
    while (readFully(frame, position.offset)) {
      ByteBuffer frameHeader = frame.duplicate().order(ByteOrder.BIG_ENDIAN);
      if (frameHeader.getInt(8) != header.salt1 || frameHeader.getInt(12) != header.salt2) {
        break; // a stale frame of an earlier WAL
      }
      Checksum checksum = position.checksum.extend(frame, 0, 8).extend(frame, FRAME_HEADER_SIZE, frame.capacity());
      if (checksum.s0 != frameHeader.getInt(16) || checksum.s1 != frameHeader.getInt(20)) {
        chainBroken = true;
        break;
      }
      frames++;
      position = new Position(header.salt1, header.salt2, position.offset + frame.capacity(), checksum);
      long pgno = Integer.toUnsignedLong(frameHeader.getInt(0));
      pages.put(pgno, Arrays.copyOfRange(frame.array(), FRAME_HEADER_SIZE, frame.capacity()));
      long commitSize = Integer.toUnsignedLong(frameHeader.getInt(4));
      if (commitSize != 0) {
        end = position;
        return Optional.of(new Transaction(pageSize, commitSize, committedPages(pages, commitSize), frames));
      }
    }
    end = start;
    if ((frames > 0 || chainBroken) && !strayFramesPossible) {
      throw new IllegalStateException(walFile + ": " + frames + " frame(s) after offset " + start.offset
          + (chainBroken ? " and then a broken checksum chain" : "") + " without a commit frame, although no "
          + "transaction was rolled back: the WAL is not a continuation of the captured commits");
    }
    return Optional.empty();
  }

  /** Drops the lock page and pages beyond the new end of a shrinking database (§1.1). */
  private List<ShardCommit.Page> committedPages(Map<Long, byte[]> pages, long commitSize) {
    long lockPage = LOCK_BYTE_OFFSET / pageSize + 1;
    List<ShardCommit.Page> result = new ArrayList<>(pages.size());
    pages.forEach((pgno, image) -> {
      if (pgno != lockPage && pgno <= commitSize) {
        result.add(new ShardCommit.Page(pgno, image));
      }
    });
    return result;
  }

  /** The validated header, or null if the WAL is empty (new, or truncated by a checkpoint). */
  private Header readHeader() throws IOException {
    ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE);
    if (!readFully(header, 0)) {
      return null;
    }
    int magic = header.getInt(0);
    if (magic != MAGIC_LITTLE_ENDIAN_CHECKSUMS && magic != MAGIC_BIG_ENDIAN_CHECKSUMS) {
      throw new IllegalStateException(walFile + " has no WAL header (magic " + Integer.toHexString(magic) + ")");
    }
    if (header.getInt(4) != VERSION || header.getInt(8) != pageSize) {
      throw new IllegalStateException(walFile + " has WAL version " + header.getInt(4) + " and page size "
          + header.getInt(8) + ", expected " + VERSION + " and " + pageSize);
    }
    ByteOrder checksumOrder = magic == MAGIC_BIG_ENDIAN_CHECKSUMS ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    Checksum checksum = Checksum.ZERO.extend(header.duplicate().order(checksumOrder), 0, 24);
    if (checksum.s0 != header.getInt(24) || checksum.s1 != header.getInt(28)) {
      throw new IllegalStateException(walFile + " has a WAL header with a wrong checksum");
    }
    return new Header(header.getInt(16), header.getInt(20), checksumOrder, checksum);
  }

  /** Fills the buffer from the given file offset; false if the file ends first. */
  private boolean readFully(ByteBuffer buffer, long offset) throws IOException {
    buffer.clear();
    while (buffer.hasRemaining()) {
      if (wal.read(buffer, offset + buffer.position()) < 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    wal.close();
  }
}
