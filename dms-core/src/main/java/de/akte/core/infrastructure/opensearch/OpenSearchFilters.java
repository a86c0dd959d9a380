package de.akte.core.infrastructure.opensearch;

import de.akte.core.search.SearchQuery;
import java.util.ArrayList;
import java.util.List;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/**
 * The filters of a search: the departments the caller may see (always, whatever else is asked), and the
 * department, type, case file and date range chosen. Values go into term queries as they are: nothing a user
 * types is parsed as query syntax.
 */
final class OpenSearchFilters {

    private OpenSearchFilters() {
    }

    static List<Query> of(SearchQuery query) {
        List<Query> filters = new ArrayList<>();
        if (query.visibleDepartments() != null) {
            List<FieldValue> visible = query.visibleDepartments().stream().sorted().map(FieldValue::of).toList();
            filters.add(Query.of(q -> q.terms(t -> t.field(IndexFields.DEPARTMENT).terms(v -> v.value(visible)))));
        }
        addTerm(filters, IndexFields.DEPARTMENT, query.department());
        addTerm(filters, IndexFields.DOCUMENT_TYPE, query.documentType());
        addTerm(filters, IndexFields.CASE_FILE, query.caseFile());
        if (query.from() != null || query.to() != null) {
            filters.add(Query.of(q -> q.range(r -> {
                r.field(IndexFields.DATE).format("yyyy-MM-dd");
                if (query.from() != null) {
                    r.gte(JsonData.of(query.from().toString()));
                }
                if (query.to() != null) {
                    r.lte(JsonData.of(query.to().toString()));
                }
                return r;
            })));
        }
        return filters;
    }

    private static void addTerm(List<Query> filters, String field, String value) {
        if (value != null) {
            filters.add(Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value)))));
        }
    }
}
