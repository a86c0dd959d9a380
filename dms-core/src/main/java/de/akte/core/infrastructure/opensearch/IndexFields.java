package de.akte.core.infrastructure.opensearch;

import java.util.Map;

/**
 * The fields of a document's entry in the OpenSearch index and the index's settings. The {@code *_terms} fields
 * hold text already analysed by the search's German analysis ({@link TermEncoding}); the rest are kept as they are
 * for filters, facets and the hit list. The pages are kept (not indexed) to mark the matches in them.
 */
final class IndexFields {

    static final String ID = "id";
    static final String TITLE = "title";
    static final String CASE_FILE = "case_file";
    static final String DEPARTMENT = "department";
    static final String DOCUMENT_TYPE = "document_type";
    static final String DATE = "date";
    static final String YEAR = "year";
    static final String PAGES = "pages";
    static final String TITLE_TERMS = "title_terms";
    static final String TEXT_TERMS = "text_terms";
    static final String METADATA_TERMS = "metadata_terms";
    static final String CASE_FILE_TERMS = "case_file_terms";
    static final String NOTES_TERMS = "notes_terms";

    /** The fields free text is searched in, with their boosts (as in the local index). */
    static final Map<String, Float> SEARCHED = Map.of(TITLE_TERMS, 3f, TEXT_TERMS, 1f, METADATA_TERMS, 1f,
            CASE_FILE_TERMS, 2f, NOTES_TERMS, 1f);

    /** What a hit needs from the stored document. */
    static final java.util.List<String> HIT_SOURCE = java.util.List.of(ID, TITLE, CASE_FILE, DEPARTMENT, DOCUMENT_TYPE,
            DATE, PAGES);

    // Refreshed only on commit, so searches see committed state as the port promises. Deep pages as the local index
    // allows them. The terms are not kept in _source: the pages are, and the terms are made from them.
    static final String DEFINITION = """
            {
              "settings": {
                "index": {
                  "number_of_shards": 1,
                  "refresh_interval": "-1",
                  "max_result_window": 1000000
                },
                "analysis": {
                  "tokenizer": {
                    "akte_positions": {"type": "whitespace", "max_token_length": 65536}
                  },
                  "filter": {
                    "akte_same_position": {"type": "pattern_capture", "preserve_original": false,
                                           "patterns": ["([^|]+)"]}
                  },
                  "analyzer": {
                    "akte_terms": {"type": "custom", "tokenizer": "akte_positions",
                                   "filter": ["akte_same_position"]}
                  }
                }
              },
              "mappings": {
                "dynamic": "strict",
                "_source": {"excludes": ["*_terms"]},
                "properties": {
                  "id": {"type": "long"},
                  "title": {"type": "keyword", "index": false, "doc_values": false},
                  "case_file": {"type": "keyword"},
                  "department": {"type": "keyword"},
                  "document_type": {"type": "keyword"},
                  "date": {"type": "date", "format": "yyyy-MM-dd"},
                  "year": {"type": "keyword"},
                  "pages": {"type": "keyword", "index": false, "doc_values": false},
                  "title_terms": {"type": "text", "analyzer": "akte_terms", "search_analyzer": "whitespace"},
                  "text_terms": {"type": "text", "analyzer": "akte_terms", "search_analyzer": "whitespace"},
                  "metadata_terms": {"type": "text", "analyzer": "akte_terms", "search_analyzer": "whitespace"},
                  "case_file_terms": {"type": "text", "analyzer": "akte_terms", "search_analyzer": "whitespace"},
                  "notes_terms": {"type": "text", "analyzer": "akte_terms", "search_analyzer": "whitespace"}
                }
              }
            }
            """;

    private IndexFields() {
    }
}
