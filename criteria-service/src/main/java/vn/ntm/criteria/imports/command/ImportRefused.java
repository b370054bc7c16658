package vn.ntm.criteria.imports.command;

import java.util.List;

/** An import that records nothing because of these rows: answered as a problem detail naming each of them. */
public class ImportRefused extends RuntimeException {

    private final transient List<ImportView.RowView> rows;

    ImportRefused(List<ImportView.RowView> rows) {
        super(rows.size() + " row(s) refused");
        this.rows = List.copyOf(rows);
    }

    public List<ImportView.RowView> rows() {
        return rows;
    }
}
