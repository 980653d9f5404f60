// Draws the campaign page's "sends over time" chart from its figures table (no inline script: CSP), and again each
// time htmx swaps the live part of the page in (every two seconds while the campaign runs).
(function () {
    'use strict';

    function draw() {
        var container = document.getElementById('sends-chart');
        var table = document.getElementById('sends-table');
        if (!container || !table || !window.echarts) {
            return;
        }
        var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
        var times = rows.map(function (row) { return row.querySelector('th').textContent.trim(); });
        var names = ['Sent', 'Delivered', 'Read'];
        var chart = window.echarts.getInstanceByDom(container) || window.echarts.init(container, null, { renderer: 'svg' });
        chart.setOption({
            animation: false,
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            grid: { left: 40, right: 12, top: 36, bottom: 28, containLabel: true },
            xAxis: { type: 'category', data: times },
            yAxis: { type: 'value', minInterval: 1 },
            series: names.map(function (name, index) {
                return { name: name, type: 'line', showSymbol: times.length <= 30, data: rows.map(function (row) {
                    return Number(row.children[index + 1].getAttribute('data-value'));
                }) };
            })
        }, true);
        container.setAttribute('data-drawn', String(times.length));
    }

    document.addEventListener('DOMContentLoaded', draw);
    document.addEventListener('htmx:afterSettle', draw);
    window.addEventListener('resize', function () {
        var container = document.getElementById('sends-chart');
        var chart = container && window.echarts && window.echarts.getInstanceByDom(container);
        if (chart) {
            chart.resize();
        }
    });
}());
