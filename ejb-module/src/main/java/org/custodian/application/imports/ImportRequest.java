package org.custodian.application.imports;

/**
 * An upload as the API takes it: the source system's name (the namespace of its external ids), the media type, the
 * mapping (null: FreeScout's layout), the defaults for region and category, and the file's text.
 */
public record ImportRequest(String source, String mediaType, String mapping, String region, String category,
        String content) {
}
