/// The one stylesheet, served from memory: no files to deploy beside the binary.
/// Mobile first; tables scroll inside their box so the page never scrolls sideways on a phone.
enum Stylesheet {
    static let css = """
    *{box-sizing:border-box}
    html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;font-size:16px;line-height:1.5;color:#1d1d1f;background:#f6f5f2}
    body{margin:0;min-width:0}
    a{color:#9b1c1c}
    a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus{outline:3px solid #f2b705;outline-offset:2px}
    .skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:10}
    header.top{display:flex;flex-wrap:wrap;align-items:center;gap:8px 16px;padding:8px 16px;background:#9b1c1c;color:#fff}
    header.top a{color:#fff}
    .brand{font-weight:700;text-decoration:none;font-size:1.15rem}
    .menu summary{cursor:pointer;padding:6px 10px;border:1px solid #fff6;border-radius:6px;list-style:none}
    .menu ul{list-style:none;margin:8px 0;padding:0;display:flex;flex-direction:column;gap:4px}
    .menu a{display:block;padding:6px 4px;text-decoration:none}
    .menu a[aria-current=page]{text-decoration:underline;font-weight:700}
    .who{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin-left:auto;font-size:.9rem}
    @media(min-width:900px){.menu summary{display:none}.menu ul{flex-direction:row;margin:0;gap:14px}.menu{display:block}}
    @media(min-width:900px){details.menu:not([open]) > nav{display:block}}
    /* Chromium 131+ hides a closed <details>'s content in its ::details-content slot. */
    @media(min-width:900px){details.menu:not([open])::details-content{content-visibility:visible;display:contents}}
    main{max-width:1200px;margin:0 auto;padding:16px}
    footer{padding:16px;color:#666;font-size:.85rem;text-align:center}
    h1{font-size:1.5rem;margin:.2em 0 .6em}h2{font-size:1.2rem;margin:1.2em 0 .5em}
    .table-wrap{overflow-x:auto;background:#fff;border:1px solid #ddd;border-radius:8px}
    table{border-collapse:collapse;width:100%;font-size:.95rem}
    th,td{text-align:left;padding:8px 10px;border-bottom:1px solid #eee;vertical-align:top}
    th{background:#faf7f0;white-space:nowrap}
    .num{text-align:right;font-variant-numeric:tabular-nums}
    .field{margin:0 0 12px;display:flex;flex-direction:column;gap:4px;max-width:560px}
    .field label{font-weight:600}.req{color:#9b1c1c}
    input,select,textarea{font:inherit;padding:8px 10px;border:1px solid #bbb;border-radius:6px;background:#fff;width:100%;min-height:44px}
    input[type=radio],input[type=checkbox]{width:auto;min-height:auto;margin:0 6px 0 0;vertical-align:middle;transform:scale(1.3)}
    label:has(> input[type=radio]),label:has(> input[type=checkbox]){display:inline-flex;align-items:center;min-height:44px;margin-right:14px;cursor:pointer}
    .field.invalid input,.field.invalid select,.field.invalid textarea{border-color:#b00020}
    .error{color:#b00020;margin:0;font-size:.9rem}.hint{color:#555}
    .button,button{font:inherit;display:inline-block;padding:8px 14px;min-height:44px;border-radius:6px;border:1px solid #9b1c1c;background:#fff;color:#9b1c1c;cursor:pointer;text-decoration:none}
    .button.primary{background:#9b1c1c;color:#fff}
    .button.link{border:none;background:none;color:inherit;text-decoration:underline;padding:4px;min-height:auto}
    form.inline{display:inline}
    .actions{display:flex;flex-wrap:wrap;gap:8px;margin:12px 0}
    .filters{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end;margin:0 0 12px}
    .filters .field{margin:0;min-width:180px;flex:1}
    .flash-success{background:#e7f5ea;border:1px solid #7bc58a;padding:10px 12px;border-radius:6px;margin:0 0 12px}
    .flash-error{background:#fdecec;border:1px solid #e08a8a;padding:10px 12px;border-radius:6px;margin:0 0 12px}
    .flash-error p{margin:0}
    .empty{color:#666;font-style:italic}
    .facts{display:grid;grid-template-columns:minmax(120px,220px) 1fr;gap:6px 16px;background:#fff;padding:12px;border:1px solid #ddd;border-radius:8px}
    .facts dt{font-weight:600;color:#444}.facts dd{margin:0;overflow-wrap:anywhere}
    @media(max-width:600px){.facts{grid-template-columns:1fr}.facts dd{margin-bottom:6px}}
    .pager{display:flex;gap:8px;align-items:center;margin:12px 0}
    .tree,.tree ul{list-style:none;padding-left:18px;margin:0}
    .tree{padding-left:0;background:#fff;border:1px solid #ddd;border-radius:8px;padding:8px}
    .tree li{padding:3px 0}
    .tree .kind{color:#666;font-size:.85rem}
    .badge{display:inline-block;font-size:.8rem;padding:1px 8px;border-radius:10px;background:#eee;color:#333}
    .badge.dissolved{background:#fde2e2;color:#8a1c1c}
    tr.changed td{background:#fff6d6}.badge.changed{background:#f2b705;color:#1d1d1f}
    .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:12px}
    .card{background:#fff;border:1px solid #ddd;border-radius:8px;padding:12px}
    pre.json{white-space:pre-wrap;overflow-wrap:anywhere;background:#fff;border:1px solid #ddd;padding:8px;border-radius:6px;font-size:.85rem}
    td.mark{text-align:center;font-weight:600}
    td.mark.missing,td.mark.notMet{color:#b00020;background:#fdecec}
    td.mark.withContent,td.mark.met{color:#1f6b33}
    td.mark.withoutContent{color:#8a6d00}
    section.legend{font-size:.9rem;color:#444;margin:8px 0}
    @media print{header.top,footer,.actions,.filters,.pager{display:none}body{background:#fff}}
    /* deadlines (hạn cần làm) */
    .deadline.overdue{color:#b00020;font-weight:600}.deadline-counts .facts{margin:0 0 8px}
    /* personal plans (kế hoạch cá nhân): fieldsets may not widen the page on a phone */
    fieldset.plan-items,fieldset.plan-assessment{min-width:0;max-width:560px;margin:0 0 12px;padding:8px 12px;border:1px solid #ddd;border-radius:8px;background:#fff}
    fieldset.plan-items.invalid{border-color:#b00020}.plan-items legend,.plan-assessment legend{font-weight:600}td.plan-attention{color:#b00020}
    /* unit plans (kế hoạch thực hiện): "nộp trễ", "quá hạn" */
    .badge.late{background:#fde2e2;color:#8a1c1c;white-space:nowrap}
    /* public page of exemplars (gương sáng): stories one under another; long words never widen a phone's page */
    .stories{display:grid;gap:12px}.stories .card h2{margin:0 0 4px;font-size:1.15rem}
    .stories .card,.public-story{overflow-wrap:anywhere}.public-story{max-width:46rem}.public-story .lead{font-weight:600}
    /* nominations (đề nghị khen thưởng): candidate rows may not widen the page on a phone */
    fieldset.candidate{min-width:0;max-width:560px;margin:0 0 12px;padding:8px 12px;border:1px solid #ddd;border-radius:8px;background:#fff}
    fieldset.candidate legend{font-weight:600}#nomination-actions form{margin:0 0 16px}
    /* indicator rollups (chỉ tiêu): quick periods in a row; wide tables print whole, in small type */
    nav.quick-periods ul{list-style:none;display:flex;flex-wrap:wrap;gap:4px 12px;margin:0 0 8px;padding:0}
    nav.quick-periods a{display:inline-block;padding:6px 2px}nav.quick-periods p{margin:4px 0 0;font-weight:600}
    tr.part td{color:#444}
    #indicators td:nth-child(2){min-width:12rem}#breakdown thead th,#reporting thead th{white-space:normal;min-width:7rem;vertical-align:bottom}
    @media print{#indicators,#breakdown,#reporting{font-size:.7rem}#breakdown thead th,#breakdown th,#breakdown td{min-width:0;padding:2px 3px;overflow-wrap:anywhere}.table-wrap:has(>#indicators,>#breakdown,>#reporting){overflow:visible;border:0}}
    /* dashboard (tổng quan): two tiles and one chart a row on a phone; the grid scrolls in its box, unit names fixed at the left; colours print */
    .tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(160px,1fr));gap:12px}
    .tile{background:#fff;border:1px solid #ddd;border-radius:8px;padding:12px;display:flex;flex-direction:column;gap:4px;min-width:0;overflow-wrap:anywhere}
    .tile h3{font-size:1rem;margin:0}.tile p{margin:0}.tile .code{color:#555;font-weight:600}.tile .big{font-size:1.6rem;font-weight:700;color:#9b1c1c}
    .tile a{margin-top:auto;display:inline-block;padding:10px 0}
    .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:12px}
    figure.chart{margin:0;background:#fff;border:1px solid #ddd;border-radius:8px;padding:8px;min-width:0}
    figure.chart svg{display:block;width:100%;height:auto}figure.chart figcaption{font-size:.9rem;font-weight:600}
    details.chart-data{margin:12px 0}details.chart-data summary{cursor:pointer;padding:10px 0}
    table.heatmap td.band{text-align:center;white-space:nowrap;font-variant-numeric:tabular-nums}
    table.heatmap th[scope=row] a,#lagging-units a{display:inline-block;padding:6px 0}
    table.heatmap caption{text-align:left;padding:8px 10px;font-weight:600}
    table.heatmap th[scope=row],#lagging-units th[scope=row]{white-space:normal;min-width:9em;max-width:16em;overflow-wrap:anywhere}
    table.heatmap th[scope=row]{position:sticky;left:0;z-index:1;box-shadow:1px 0 0 #ddd}
    .band{-webkit-print-color-adjust:exact;print-color-adjust:exact}.band.good{background:#d7eedc;color:#14532d}
    .band.fair{background:#fff0c2;color:#5c4300}.band.low{background:#f9d2d2;color:#8a1c1c}.band.none{color:#666}
    ul.bands{list-style:none;display:flex;flex-wrap:wrap;gap:4px 16px;padding:0;margin:4px 0 8px}
    .swatch{display:inline-block;width:1.2em;height:1em;border:1px solid #999;vertical-align:middle}
    @media print{.tile,figure.chart{break-inside:avoid}.tiles{grid-template-columns:repeat(4,1fr)}.charts{grid-template-columns:repeat(3,1fr)}}
    """
}
