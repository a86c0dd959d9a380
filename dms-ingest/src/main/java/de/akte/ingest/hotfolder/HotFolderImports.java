package de.akte.ingest.hotfolder;

import de.akte.core.application.imports.ImportItemUpload;
import de.akte.core.application.imports.ImportService;
import de.akte.core.application.imports.NewImport;
import de.akte.core.application.documents.UnacceptableContentException;
import de.akte.core.imports.ImportKind;
import de.akte.core.imports.ImportOwner;
import de.akte.core.security.Caller;
import de.akte.core.security.SystemActor;
import de.akte.core.shared.ConflictException;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.storage.BlobTooLargeException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

/**
 * Imports hot-folder files through the import service: one batch a day ({@code hotfolder-2026-11-28}), so that
 * the day's import protocol lists them; the first folder level names the department, files at the top go to the
 * configured one. The item key is path plus content hash, so a file dropped again under the same name with new
 * content is a new item, and one imported just before a crash (not yet moved) is recognised, not doubled.
 * <p>
 * The batches are the system's ({@link ImportOwner#HOT_FOLDER}): nobody else can open, append to or read them
 * as theirs, whatever key they choose. Each file is imported by {@link SystemActor#HOT_FOLDER}, reaching only the
 * department the file names, and only if the configuration allows that department; otherwise it is refused in the
 * same words as a department that does not exist.
 */
public final class HotFolderImports implements HotFolderImporter {

    private final ImportService imports;
    private final String defaultDepartment;
    private final Set<String> folderDepartments;
    private final String location;
    private final Clock clock;

    /**
     * @param defaultDepartment department of files directly in the hot folder, or null to refuse them
     * @param folderDepartments the departments a first-level folder may name, or null for any
     * @param location          where the hot folder is, for the protocol's source
     */
    public HotFolderImports(ImportService imports, String defaultDepartment, Set<String> folderDepartments,
                            String location, Clock clock) {
        this.imports = Objects.requireNonNull(imports, "imports");
        this.defaultDepartment = defaultDepartment;
        this.folderDepartments = folderDepartments == null ? null : Set.copyOf(folderDepartments);
        this.location = Objects.requireNonNull(location, "location");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public long importFile(Path file, String relativePath) {
        String department = department(relativePath);
        Caller importer = SystemActor.HOT_FOLDER.caller(allowed(department) ? Set.of(department) : Set.of());
        String sha256 = sha256(file);
        LocalDate today = LocalDate.now(clock);
        long batch = imports.open(importer, new NewImport("hotfolder-" + today, "hotfolder:" + location,
                ImportKind.HOT_FOLDER, null, null, null, null, null, null)).batch().id();
        try (InputStream in = Files.newInputStream(file)) {
            return imports.importItem(importer, batch, new ImportItemUpload(relativePath + " #" + sha256.substring(0, 12),
                    sha256, null, department, null, null, null), in).item().documentId();
        } catch (InvalidInputException | UnacceptableContentException | BlobTooLargeException | ConflictException e) {
            throw new HotFolderRejection(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    private boolean allowed(String department) {
        return department.equals(defaultDepartment) || folderDepartments == null
                || folderDepartments.contains(department);
    }

    private String department(String relativePath) {
        int slash = relativePath.indexOf('/');
        if (slash > 0) {
            return relativePath.substring(0, slash);
        }
        if (defaultDepartment == null) {
            throw new HotFolderRejection("files directly in the hot folder need AKTE_HOT_FOLDER_DEPARTMENT; "
                    + "or put them into a folder named like their department's code");
        }
        return defaultDepartment;
    }

    private static String sha256(Path file) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
