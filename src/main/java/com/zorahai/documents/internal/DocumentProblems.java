package com.zorahai.documents.internal;

import com.zorahai.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** The problems the documents module answers with. */
final class DocumentProblems {

    private DocumentProblems() {
    }

    static ProblemException templateNotFound(String template) {
        return ProblemException.of(HttpStatus.NOT_FOUND, "document-template-not-found", "Document template not found",
                "There is no document template named " + template + ".").with("template", template);
    }

    static ProblemException templateInvalid(String template, String reason) {
        return ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "document-template-invalid",
                "Document template invalid", "The document template " + template + " could not be rendered: " + reason
                        + ".")
                .with("template", template);
    }

    static ProblemException tooLarge(String template, long maxBytes) {
        return ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "document-too-large", "Document too large",
                "The document template " + template + " produced more than " + maxBytes / 1024
                        + " KB of HTML.")
                .with("template", template);
    }

    static ProblemException busy() {
        return ProblemException.of(HttpStatus.SERVICE_UNAVAILABLE, "documents-busy", "Documents busy",
                "Too many documents are being rendered; try again shortly.");
    }
}
