package de.akte.ingest.hotfolder;

import java.io.Serial;

/** The importer's refusal of a file, with a reason readable by the staff who dropped it. */
public class HotFolderRejection extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** @param reason shown to staff in the {@code .reason.txt} beside the file in {@code error/} */
    public HotFolderRejection(String reason) {
        super(reason);
    }

    /** @param reason shown to staff; {@code cause} is only for the log */
    public HotFolderRejection(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** The reason as staff should read it. */
    public String reason() {
        String message = getMessage();
        return message == null || message.isBlank() ? "rejected without a reason" : message;
    }
}
