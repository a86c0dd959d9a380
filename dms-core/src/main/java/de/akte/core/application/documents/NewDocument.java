package de.akte.core.application.documents;

/**
 * What an uploader says about a new document; everything but the file name is optional.
 *
 * @param caseFile   the file reference of the case file to file it into
 * @param department the owning department's code; defaults to the case file's or the uploader's only department
 */
public record NewDocument(String title, String caseFile, String department, String documentType, String fileName) {
}
