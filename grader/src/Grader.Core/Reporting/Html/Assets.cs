namespace Grader.Core.Reporting.Html;

// The report's only style and script, inlined so the file works offline and alone.
internal static class Assets
{
    public const string Css = """
        body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; max-width: 1200px; }
        h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
        table { border-collapse: collapse; width: 100%; font-size: .9rem; }
        th, td { border: 1px solid #ddd; padding: .3rem .5rem; text-align: left; vertical-align: top; }
        th { background: #f4f4f4; cursor: pointer; }
        .bar { fill: #4a7bd0; } svg text { font-size: 12px; fill: #333; }
        .meter { display: inline-block; width: 120px; height: .7rem; background: #eee; vertical-align: middle; }
        .meter span { display: block; height: 100%; background: #3a9d5d; }
        tr.failed td { background: #fdecec; } tr.error td, tr.timeout td { background: #fff6e0; } tr.skipped td { color: #888; }
        .caveat { background: #fff8d6; padding: .6rem; border-left: 4px solid #e0b000; }
        .side-by-side { display: flex; gap: 1rem; } .side-by-side figure { flex: 1; margin: .5rem 0; min-width: 0; }
        pre { background: #f7f7f7; padding: .5rem; overflow-x: auto; font-size: .8rem; }
        details { margin: .3rem 0; } summary { cursor: pointer; } .hint, .note { color: #666; font-size: .85rem; }
        """;

    // Click a header of a table.sortable to sort by that column; numbers sort as numbers.
    public const string SortScript = """
        document.querySelectorAll('table.sortable th').forEach(function (header, column) {
          header.addEventListener('click', function () {
            var body = header.closest('table').tBodies[0];
            var ascending = header.dataset.order !== 'asc';
            header.dataset.order = ascending ? 'asc' : 'desc';
            var rows = Array.from(body.rows);
            rows.sort(function (a, b) {
              var x = a.cells[column].textContent, y = b.cells[column].textContent;
              var nx = parseFloat(x), ny = parseFloat(y);
              var order = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
              return ascending ? order : -order;
            });
            rows.forEach(function (row) { body.appendChild(row); });
          });
        });
        """;
}
