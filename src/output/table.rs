//! Tables laid out like Go's `text/tabwriter` as kumactl configures it (Go:
//! `app/kumactl/pkg/output/table/writer.go`):
//! every column but the last is padded to its widest cell plus 3 spaces (empty cells
//! too), and the last cell is written as is.

use comfy_table::presets::NOTHING;
use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, Table};

/// Padding after each non-last column.
const PADDING: u16 = 3;

/// Renders a header row and data rows, each line ending with `\n`. Cells come from a
/// control plane's answers: their control characters are escaped, so that a newline
/// cannot break a row in two (or hide the rows after it) and an escape sequence is not
/// sent to the terminal.
pub fn render<S: AsRef<str>>(header: &[S], rows: &[Vec<String>]) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|cell| super::escape_controls(cell))
                .collect()
        })
        .collect();
    let rows = &rows;
    let mut table = Table::new();
    table
        .load_style(NOTHING)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(header.iter().map(|h| h.as_ref().to_string()));
    for row in rows {
        table.add_row(row.iter().cloned());
    }
    let columns = header.len();
    for (i, column) in table.column_iter_mut().enumerate() {
        let right = if i + 1 == columns { 0 } else { PADDING };
        column.set_padding((0, right));
        column.set_cell_alignment(CellAlignment::Left);
        column.set_constraint(ColumnConstraint::ContentWidth);
    }
    // comfy-table pads the last column to its width too; tabwriter does not.
    let widths: Vec<usize> = table
        .column_max_content_widths()
        .iter()
        .map(|w| usize::from(*w))
        .collect();
    let prefix_width: usize = widths
        .iter()
        .take(columns.saturating_sub(1))
        .map(|w| w + usize::from(PADDING))
        .sum();
    let mut out = String::new();
    let all_rows = std::iter::once(
        header
            .iter()
            .map(|h| h.as_ref().to_string())
            .collect::<Vec<_>>(),
    )
    .chain(rows.iter().cloned());
    for (line, cells) in table.lines().zip(all_rows) {
        let last = cells.last().map(|c| c.chars().count()).unwrap_or(0);
        let keep: String = line.chars().take(prefix_width + last).collect();
        out.push_str(&keep);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn control_characters_in_cells_are_escaped() {
        let out = render(
            &["NAME", "AGE"],
            &[row(&["\u{1b}[31mred\nsecond", "1s"]), row(&["last", "2s"])],
        );
        assert_eq!(
            out,
            "NAME                    AGE\n\\u{1b}[31mred\\nsecond   1s\nlast                    2s\n"
        );
    }

    #[test]
    fn pads_like_tabwriter() {
        let out = render(
            &["NAME", "mTLS", "LOCALITY", "ZONEEGRESS", "AGE"],
            &[
                row(&["mesh1", "builtin/builtin-1", "on", "on", "292y"]),
                row(&["mesh2", "off", "off", "off", "292y"]),
            ],
        );
        assert_eq!(
            out,
            "NAME    mTLS                LOCALITY   ZONEEGRESS   AGE\n\
             mesh1   builtin/builtin-1   on         on           292y\n\
             mesh2   off                 off        off          292y\n"
        );
    }

    #[test]
    fn pads_empty_cells_but_not_the_last_column() {
        let out = render(
            &["ACTIVE", "NAME", "ADDRESS"],
            &[
                row(&["*", "test1", "https://test1.internal:5681"]),
                row(&["", "test2", "https://test2.internal:5681"]),
                row(&["", "t3", ""]),
            ],
        );
        assert_eq!(
            out,
            "ACTIVE   NAME    ADDRESS\n\
             *        test1   https://test1.internal:5681\n         test2   https://test2.internal:5681\n         t3      \n"
        );
    }

    #[test]
    fn header_only() {
        assert_eq!(render(&["NAME", "AGE"], &[]), "NAME   AGE\n");
    }
}
