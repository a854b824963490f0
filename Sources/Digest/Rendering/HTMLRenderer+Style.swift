extension HTMLRenderer {
    /// The report's whole style sheet, inline: no font, image or script from elsewhere. Colours are
    /// custom properties, set again for `prefers-color-scheme: dark` and for print, so the charts
    /// (whose shapes carry only classes) follow the page. Tables scroll inside their wrapper and
    /// long words break, so a 400 px phone never scrolls the page sideways.
    static let styleSheet = """
        :root { color-scheme: light dark; --fg: #1d1f24; --bg: #ffffff; --muted: #5a6070; --rule: #d9dce3;
          --panel: #f4f5f8; --accent: #2f6bd8; --others: #9aa3b5; --zero: #c9ced9;
          --complete: #2e9b5f; --incomplete: #e08a1e; --applied: #2e9b5f; --reviewed: #2f6bd8;
          --discussed: #c9a227; --waiting: #d0543c; }
        @media (prefers-color-scheme: dark) {
          :root { --fg: #e4e6eb; --bg: #16181d; --muted: #a3a9b7; --rule: #383d48; --panel: #20232a;
            --accent: #6b9cf5; --others: #6d7587; --zero: #454b58; --complete: #4cc283; --incomplete: #f0a54a;
            --applied: #4cc283; --reviewed: #6b9cf5; --discussed: #e3c14f; --waiting: #f07a63; }
        }
        * { box-sizing: border-box; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg);
          background: var(--bg); max-width: 62rem; margin: 0 auto; padding: 1rem; line-height: 1.45;
          overflow-wrap: anywhere; }
        h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0 1rem; }
        h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid var(--rule); padding-bottom: 0.2rem; }
        h3 { font-size: 1.05rem; }
        .table-wrap { overflow-x: auto; max-width: 100%; margin-bottom: 1.5rem; }
        table { border-collapse: collapse; }
        th, td { padding: 0.25rem 0.8rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
        th { color: var(--muted); font-weight: 600; white-space: nowrap; }
        .table-wrap td { overflow-wrap: normal; }
        td.count { text-align: right; font-variant-numeric: tabular-nums; }
        ul { padding-left: 1.3rem; }
        ul.patches li.series { list-style: none; margin-left: 1.5rem; }
        article { border-top: 1px solid var(--rule); padding-top: 0.5rem; margin-top: 1rem; }
        pre { background: var(--panel); padding: 0.6rem; overflow-x: auto; white-space: pre-wrap;
          overflow-wrap: anywhere; font-size: 0.85rem; }
        .subject { font-family: ui-monospace, monospace; color: var(--muted); }
        footer { margin-top: 2rem; color: var(--muted); }
        .chart-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr)); gap: 1rem; }
        figure.chart { margin: 0; padding: 0.75rem; background: var(--panel); border-radius: 6px; min-width: 0; }
        figcaption { font-weight: 600; margin-bottom: 0.5rem; }
        svg.chart { display: block; width: 100%; height: auto; }
        svg.chart text { fill: var(--fg); font-size: 14px; font-family: inherit; }
        svg.chart text.value, svg.chart text.tick, svg.chart text.legend { fill: var(--muted); font-size: 13px; }
        svg.chart text.heading { font-weight: 600; }
        svg.chart .c-bar { fill: var(--accent); }
        svg.chart .c-others { fill: var(--others); }
        svg.chart .c-zero { fill: var(--zero); }
        svg.chart .c-axis { stroke: var(--muted); stroke-width: 1; }
        svg.chart .c-grid { stroke: var(--rule); stroke-width: 1; }
        svg.chart .s-complete { fill: var(--complete); }
        svg.chart .s-incomplete { fill: var(--incomplete); }
        svg.chart .s-applied { fill: var(--applied); }
        svg.chart .s-reviewed { fill: var(--reviewed); }
        svg.chart .s-discussed { fill: var(--discussed); }
        svg.chart .s-waiting { fill: var(--waiting); }
        details.figures { margin-top: 0.5rem; font-size: 0.9rem; }
        details.figures summary { cursor: pointer; color: var(--muted); }
        @media (max-width: 40rem) {
          body { padding: 0.6rem; }
          h1 { font-size: 1.3rem; }
          th, td { padding: 0.2rem 0.45rem; }
        }
        @media print {
          :root { --fg: #000; --bg: #fff; --muted: #333; --rule: #bbb; --panel: #fff; }
          body { max-width: none; font-size: 10.5pt; }
          .chart-grid { display: block; }
          figure.chart, article, tr { break-inside: avoid; }
          figure.chart { border: 1px solid var(--rule); margin-bottom: 0.8rem; }
          details.figures { display: none; }
          pre { white-space: pre-wrap; border: 1px solid var(--rule); }
          h2, h3 { break-after: avoid; }
        }

        """
}
