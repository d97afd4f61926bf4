package io.bop.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WAL parsing on hand-written WAL files, for the cases real SQLite does not produce on demand: both checksum byte
 * orders, a page framed twice in one transaction, broken chains, the lock page and a shrinking database.
 */
class WalCaptureTest {
  private static final int PAGE_SIZE = 512;

  @TempDir Path tempDir;
  private Path walFile;

  @BeforeEach
  void createEmptyWal() throws Exception {
    walFile = Files.createFile(tempDir.resolve("test.db-wal"));
  }

  @Test
  void emptyWalHoldsNoTransaction() throws Exception {
    try (WalCapture capture = new WalCapture(walFile, PAGE_SIZE)) {
      assertThat(capture.next()).isEmpty();
    }
  }

  @Test
  void capturesOneCommitAtATimeWithTheLastImageOfEachPage() throws Exception {
    for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
      SyntheticWal wal = new SyntheticWal(order, 7, 11)
          .frame(2, 0, 'a').frame(1, 0, 'b').frame(2, 3, 'c')
          .frame(3, 3, 'd');
      wal.writeTo(walFile, 0);
      try (WalCapture capture = new WalCapture(walFile, PAGE_SIZE)) {
        WalCapture.Transaction first = capture.next().orElseThrow();
        assertThat(first.databaseSizePages()).isEqualTo(3);
        assertThat(first.frames()).isEqualTo(3);
        assertThat(first.pages()).extracting(ShardCommit.Page::pgno).containsExactly(1L, 2L);
        assertThat(first.pages().get(1).image()).isEqualTo(page('c'));
        assertThat(capture.next().orElseThrow().pages()).extracting(ShardCommit.Page::pgno).containsExactly(3L);
        assertThat(capture.next()).isEmpty();
      }
    }
  }

  @Test
  void followsARestartedWalAndIgnoresItsStaleFrames() throws Exception {
    new SyntheticWal(ByteOrder.LITTLE_ENDIAN, 7, 11).frame(1, 0, 'a').frame(2, 0, 'b').frame(3, 3, 'c')
        .writeTo(walFile, 0);
    try (WalCapture capture = new WalCapture(walFile, PAGE_SIZE)) {
      assertThat(capture.next()).isPresent();
      // New salts, one frame at offset 32; the old frames 2 and 3 stay behind it.
      new SyntheticWal(ByteOrder.LITTLE_ENDIAN, 8, 99).frame(3, 3, 'z').writeTo(walFile, 0);
      assertThat(Files.size(walFile)).isEqualTo(WalCapture.HEADER_SIZE + 3L * frameSize());
      WalCapture.Transaction restarted = capture.next().orElseThrow();
      assertThat(restarted.pages()).singleElement().satisfies(page -> {
        assertThat(page.pgno()).isEqualTo(3);
        assertThat(page.image()).isEqualTo(page('z'));
      });
      assertThat(capture.next()).isEmpty();
    }
  }

  @Test
  void framesWithoutACommitAreABugUnlessATransactionWasRolledBack() throws Exception {
    SyntheticWal wal = new SyntheticWal(ByteOrder.LITTLE_ENDIAN, 7, 11).frame(1, 1, 'a');
    wal.writeTo(walFile, 0);
    try (WalCapture capture = new WalCapture(walFile, PAGE_SIZE)) {
      capture.next().orElseThrow();
      long end = Files.size(walFile);
      SyntheticWal.Chain afterCommit = wal.chain();
      wal.frame(2, 0, 'b').frame(3, 0, 'c').writeTo(walFile, 0);
      assertThatThrownBy(capture::next).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("without a commit frame");

      capture.noteRollback();
      assertThat(capture.next()).isEmpty();
      // The next transaction overwrites the rolled-back frames from the captured end on.
      wal.restoreChain(afterCommit).frame(4, 4, 'd').writeFrom(walFile, end);
      assertThat(capture.next().orElseThrow().pages()).extracting(ShardCommit.Page::pgno).containsExactly(4L);
      // Behind it, the second rolled-back frame no longer continues the chain: tolerated, it was rolled back.
      assertThat(capture.next()).isEmpty();
    }
  }

  @Test
  void aBrokenChecksumChainIsABug() throws Exception {
    SyntheticWal wal = new SyntheticWal(ByteOrder.LITTLE_ENDIAN, 7, 11).frame(1, 1, 'a');
    wal.writeTo(walFile, 0);
    try (WalCapture capture = new WalCapture(walFile, PAGE_SIZE)) {
      capture.next().orElseThrow();
      wal.frame(1, 1, 'b').writeTo(walFile, 0);
      corruptByte(WalCapture.HEADER_SIZE + frameSize() + WalCapture.FRAME_HEADER_SIZE + 100);
      assertThatThrownBy(capture::next).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("broken checksum chain");
    }
  }

  @Test
  void aCorruptHeaderIsABug() throws Exception {
    new SyntheticWal(ByteOrder.LITTLE_ENDIAN, 7, 11).frame(1, 1, 'a').writeTo(walFile, 0);
    corruptByte(20);
    try (WalCapture capture = new WalCapture(walFile, PAGE_SIZE)) {
      assertThatThrownBy(capture::next).isInstanceOf(IllegalStateException.class).hasMessageContaining("checksum");
    }
  }

  @Test
  void dropsTheLockPageAndPagesBeyondTheNewDatabaseSize() throws Exception {
    int lockPage = 0x40000000 / PAGE_SIZE + 1;
    new SyntheticWal(ByteOrder.LITTLE_ENDIAN, 7, 11)
        .frame(lockPage, 0, 'l').frame(lockPage + 1, 0, 'm').frame(9, 0, 'x').frame(2, lockPage + 1, 'a')
        .frame(9, 0, 'y').frame(5, 4, 'b')
        .writeTo(walFile, 0);
    try (WalCapture capture = new WalCapture(walFile, PAGE_SIZE)) {
      assertThat(capture.next().orElseThrow().pages()).extracting(ShardCommit.Page::pgno)
          .containsExactly(2L, 9L, (long) lockPage + 1);
      assertThat(capture.next().orElseThrow().pages()).isEmpty();
    }
  }

  private void corruptByte(long offset) throws Exception {
    try (FileChannel channel = FileChannel.open(walFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      channel.read(b, offset);
      channel.write(ByteBuffer.wrap(new byte[] {(byte) (b.get(0) ^ 0x55)}), offset);
    }
  }

  private static int frameSize() {
    return WalCapture.FRAME_HEADER_SIZE + PAGE_SIZE;
  }

  private static byte[] page(char fill) {
    byte[] page = new byte[PAGE_SIZE];
    Arrays.fill(page, (byte) fill);
    return page;
  }

  /** Writes WAL files the way SQLite's wal.c does (replication.md §1.1). */
  private static final class SyntheticWal {
    record Chain(int s0, int s1, int frames) {}

    private final ByteOrder order;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final int salt1;
    private final int salt2;
    private int s0;
    private int s1;
    private int frames;

    SyntheticWal(ByteOrder order, int salt1, int salt2) {
      this.order = order;
      this.salt1 = salt1;
      this.salt2 = salt2;
      ByteBuffer header = ByteBuffer.allocate(WalCapture.HEADER_SIZE);
      header.putInt(order == ByteOrder.BIG_ENDIAN ? WalCapture.MAGIC_BIG_ENDIAN_CHECKSUMS
          : WalCapture.MAGIC_LITTLE_ENDIAN_CHECKSUMS);
      header.putInt(WalCapture.VERSION).putInt(PAGE_SIZE).putInt(0).putInt(salt1).putInt(salt2);
      checksum(header.array(), 0, 24);
      header.putInt(s0).putInt(s1);
      bytes.writeBytes(header.array());
    }

    SyntheticWal frame(int pgno, int commitSize, char fill) {
      ByteBuffer frame = ByteBuffer.allocate(frameSize());
      frame.putInt(pgno).putInt(commitSize).putInt(salt1).putInt(salt2);
      frame.put(WalCapture.FRAME_HEADER_SIZE, page(fill));
      checksum(frame.array(), 0, 8);
      checksum(frame.array(), WalCapture.FRAME_HEADER_SIZE, frame.capacity());
      frame.putInt(16, s0).putInt(20, s1);
      bytes.writeBytes(frame.array());
      frames++;
      return this;
    }

    Chain chain() {
      return new Chain(s0, s1, frames);
    }

    /** Continues from an earlier point, as SQLite does when it overwrites rolled-back frames. */
    SyntheticWal restoreChain(Chain chain) {
      byte[] kept = Arrays.copyOf(bytes.toByteArray(), WalCapture.HEADER_SIZE + chain.frames * frameSize());
      bytes.reset();
      bytes.writeBytes(kept);
      s0 = chain.s0;
      s1 = chain.s1;
      frames = chain.frames;
      return this;
    }

    void writeTo(Path file, long offset) throws Exception {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap(bytes.toByteArray()), offset);
      }
    }

    /** Writes only the bytes from {@code offset} on, leaving what the file has before it. */
    void writeFrom(Path file, long offset) throws Exception {
      byte[] all = bytes.toByteArray();
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap(all, (int) offset, all.length - (int) offset), offset);
      }
    }

    private void checksum(byte[] data, int from, int to) {
      ByteBuffer words = ByteBuffer.wrap(data).order(order);
      for (int i = from; i < to; i += 8) {
        s0 += words.getInt(i) + s1;
        s1 += words.getInt(i + 4) + s0;
      }
    }
  }
}
