// Draws each chart of the analytics page from its figures table (the page holds no inline script: CSP). A table's
// first column is the day, every other column a series; an empty cell is a suppressed count, left as a gap.
(function () {
    'use strict';

    function series(table) {
        var heads = Array.prototype.slice.call(table.querySelectorAll('thead th'));
        var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
        var days = rows.map(function (row) { return row.querySelector('th').textContent.trim(); });
        var lines = [];
        heads.forEach(function (head, column) {
            if (column === 0 || head.hasAttribute('data-chart-skip')) {
                return;
            }
            lines.push({
                name: head.textContent.trim(),
                values: rows.map(function (row) {
                    var cell = row.children[column];
                    var value = cell ? cell.getAttribute('data-value') : '';
                    return value === '' || value === null ? null : Number(value);
                })
            });
        });
        return { days: days, lines: lines };
    }

    function draw(container) {
        var table = document.getElementById(container.getAttribute('data-chart-for'));
        if (!table || !window.echarts) {
            return;
        }
        var data = series(table);
        var type = container.getAttribute('data-chart-type') || 'line';
        var stacked = container.getAttribute('data-stacked') === 'true';
        var chart = window.echarts.init(container, null, { renderer: 'svg' });
        chart.setOption({
            animation: false,
            tooltip: { trigger: 'axis' },
            legend: { type: 'scroll', top: 0 },
            grid: { left: 40, right: 12, top: 40, bottom: 28, containLabel: true },
            xAxis: { type: 'category', data: data.days },
            yAxis: { type: 'value', minInterval: 1 },
            series: data.lines.map(function (line) {
                return { name: line.name, type: type, stack: stacked ? 'all' : undefined, data: line.values,
                         connectNulls: false, showSymbol: data.days.length <= 31 };
            })
        });
        window.addEventListener('resize', function () { chart.resize(); });
    }

    document.addEventListener('DOMContentLoaded', function () {
        Array.prototype.forEach.call(document.querySelectorAll('[data-chart-for]'), draw);
    });
}());
