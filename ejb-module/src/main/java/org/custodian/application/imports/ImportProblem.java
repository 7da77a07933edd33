package org.custodian.application.imports;

import java.io.Serializable;

/**
 * Why a row is rejected: the row (1 = the first data row), the line of the file it starts on, the Custodian field
 * (or "row" for the row as a whole) and the problem, never the value (the report must not copy personal data).
 */
public record ImportProblem(int row, int line, String field, String problem) implements Serializable {
}
