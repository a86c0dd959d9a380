package de.akte.core.infrastructure.filesystem;

import de.akte.core.shared.Clock;
import de.akte.core.storage.BlobId;
import de.akte.core.storage.BlobNotFoundException;
import de.akte.core.storage.BlobRetainedException;
import de.akte.core.storage.BlobStore;
import de.akte.core.storage.BlobStoreException;
import de.akte.core.storage.HashedCopy;
import de.akte.core.storage.Sha256VerifyingInputStream;
import de.akte.core.storage.StoredBlob;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * Blobs as read-only files named by their SHA-256 under {@code root/ab/cd/abcd…}, written
 * crash-safely: temp file, fsync, atomic rename, fsync of the directories.
 *
 * <p>Retention and legal hold live in a sidecar {@code abcd….retention} next to the blob and
 * make {@link #delete} refuse. They guard against the application, not against someone with
 * shell access — that is what the S3 store with Object Lock is for.
 */
public final class FileSystemBlobStore implements BlobStore {

    private static final Set<PosixFilePermission> READ_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ);
    private static final String RETENTION_SUFFIX = ".retention";

    private final Path root;
    private final Path tempDir;
    private final Clock clock;
    // serialises retention changes with deletes, so a delete never races past a new hold
    private final ReentrantLock retentionLock = new ReentrantLock();

    public FileSystemBlobStore(Path root, Path tempDir) {
        this(root, tempDir, Clock.system());
    }

    public FileSystemBlobStore(Path root, Path tempDir, Clock clock) {
        this.root = root.toAbsolutePath();
        this.tempDir = tempDir.toAbsolutePath();
        this.clock = clock;
        try {
            Files.createDirectories(this.root);
            Files.createDirectories(this.tempDir);
            // an atomic rename only works within one filesystem; find out now, not at the first put
            if (!Files.getFileStore(this.root).equals(Files.getFileStore(this.tempDir))) {
                throw new BlobStoreException("blob root " + this.root + " and temp dir " + this.tempDir
                        + " must be on the same filesystem");
            }
        } catch (IOException e) {
            throw new BlobStoreException("cannot prepare blob directories " + this.root + ", " + this.tempDir, e);
        }
    }

    @Override
    public StoredBlob put(InputStream content, long maxBytes) {
        Path temp = null;
        try {
            temp = Files.createTempFile(tempDir, "put-", ".tmp");
            HashedCopy copy;
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                copy = HashedCopy.copy(content, out, maxBytes);
                // the bytes must be durable before a name promises them
                out.force(true);
            }
            Path target = blobPath(copy.id());
            if (alreadyStored(target, copy.size())) {
                return new StoredBlob(copy.id(), copy.size(), false);
            }
            makeReadOnly(temp);
            Files.createDirectories(target.getParent());
            // a concurrent put of the same bytes may rename over us: same content, no harm
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
            syncDirectories(target.getParent());
            return new StoredBlob(copy.id(), copy.size(), true);
        } catch (IOException e) {
            throw new BlobStoreException("cannot store a blob in " + root, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    @Override
    public InputStream open(BlobId id) {
        try {
            return new Sha256VerifyingInputStream(Files.newInputStream(blobPath(id)), id);
        } catch (NoSuchFileException e) {
            throw new BlobNotFoundException(id);
        } catch (IOException e) {
            throw new BlobStoreException("cannot open blob " + id, e);
        }
    }

    @Override
    public boolean exists(BlobId id) {
        return Files.isRegularFile(blobPath(id));
    }

    @Override
    public long size(BlobId id) {
        try {
            return Files.size(blobPath(id));
        } catch (NoSuchFileException e) {
            throw new BlobNotFoundException(id);
        } catch (IOException e) {
            throw new BlobStoreException("cannot read the size of blob " + id, e);
        }
    }

    @Override
    public void delete(BlobId id) {
        retentionLock.lock();
        try {
            Optional<String> refusal = BlobRetention.read(retentionPath(id)).reasonAgainstDeletion(clock.now());
            if (refusal.isPresent()) {
                throw new BlobRetainedException(id, refusal.get());
            }
            boolean deleted = Files.deleteIfExists(blobPath(id));
            deleted |= Files.deleteIfExists(retentionPath(id));
            if (deleted) {
                syncDirectory(blobPath(id).getParent());
            }
        } catch (IOException e) {
            throw new BlobStoreException("cannot delete blob " + id, e);
        } finally {
            retentionLock.unlock();
        }
    }

    @Override
    public void retainUntil(BlobId id, Instant until) {
        updateRetention(id, retention -> retention.extendedTo(until));
    }

    @Override
    public void setLegalHold(BlobId id, boolean hold) {
        updateRetention(id, retention -> retention.withLegalHold(hold));
    }

    @Override
    public String describe() {
        return "filesystem " + root;
    }

    private void updateRetention(BlobId id, UnaryOperator<BlobRetention> change) {
        retentionLock.lock();
        try {
            if (!exists(id)) {
                throw new BlobNotFoundException(id);
            }
            Path sidecar = retentionPath(id);
            BlobRetention current = BlobRetention.read(sidecar);
            BlobRetention next = change.apply(current);
            if (!next.equals(current)) {
                writeAtomically(sidecar, next.format());
            }
        } catch (IOException e) {
            throw new BlobStoreException("cannot record the retention of blob " + id, e);
        } finally {
            retentionLock.unlock();
        }
    }

    private void writeAtomically(Path target, String text) throws IOException {
        Path temp = Files.createTempFile(tempDir, "retention-", ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
                out.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
            syncDirectory(target.getParent());
        } finally {
            deleteQuietly(temp);
        }
    }

    private Path blobPath(BlobId id) {
        String hash = id.sha256();
        return root.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
    }

    private Path retentionPath(BlobId id) {
        Path blob = blobPath(id);
        return blob.resolveSibling(blob.getFileName() + RETENTION_SUFFIX);
    }

    /** An existing file of another size is a damaged copy, which the new bytes replace. */
    private static boolean alreadyStored(Path target, long size) throws IOException {
        try {
            return Files.size(target) == size;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private static void makeReadOnly(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(READ_ONLY);
        } else if (!file.toFile().setReadOnly()) {
            throw new IOException("cannot make " + file + " read-only");
        }
    }

    /** The blob's directory and its two fan-out parents may all be new: make their entries durable. */
    private void syncDirectories(Path blobDir) throws IOException {
        syncDirectory(blobDir);
        syncDirectory(blobDir.getParent());
        syncDirectory(root);
    }

    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temp file is garbage, not a failure of the operation that created it
        }
    }
}
