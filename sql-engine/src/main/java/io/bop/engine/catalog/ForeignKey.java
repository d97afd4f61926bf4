package io.bop.engine.catalog;

import java.util.List;

/** A FOREIGN KEY constraint; the actions are as SQL writes them ({@code NO ACTION}, {@code CASCADE}, …). */
public record ForeignKey(String name, String table, List<String> columns, String referencedTable,
    List<String> referencedColumns, String onUpdate, String onDelete) {}
