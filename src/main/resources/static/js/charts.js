// Charts: an element with data-chart='{"kind":"line"|"bar", "categories":[…], "values":[…], "labels":[…], …}'
// (written by the server) is drawn with Apache ECharts, which is fetched only on pages that have a chart.
// Axis labels are written the Chinese way (万, 亿) or the English way by the browser's Intl.NumberFormat;
// tooltips show each figure as the reports write it. A button data-chart-png="<chart id>" saves the chart.
(function () {
  'use strict';
  var charts = document.querySelectorAll('[data-chart]');
  var source = document.querySelector('meta[name="portal-echarts"]');
  if (!charts.length || !source) {
    return;
  }
  var script = document.createElement('script');
  script.src = source.content;
  script.onload = function () {
    charts.forEach(draw);
  };
  document.head.appendChild(script);

  function draw(element) {
    var spec = JSON.parse(element.dataset.chart);
    var compact = new Intl.NumberFormat(spec.locale, { notation: 'compact', maximumFractionDigits: 2 });
    var bar = spec.kind === 'bar';
    if (bar) {
      element.style.height = Math.max(240, spec.categories.length * 24 + 40) + 'px';
    }
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    var valueAxis = {
      type: 'value',
      axisLabel: {
        formatter: function (value) {
          return spec.unit === '%' ? value + '%' : compact.format(value);
        }
      }
    };
    var categoryAxis = { type: 'category', data: spec.categories, inverse: bar, axisTick: { alignWithLabel: true } };
    var data = spec.values.map(function (value, i) {
      return {
        value: value,
        label: spec.labels[i],
        itemStyle: spec.drafts[i] ? { color: '#b8860b', borderType: 'dashed' } : undefined
      };
    });
    chart.setOption({
      animation: false,
      aria: { enabled: true },
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        formatter: function (params) {
          var point = params[0];
          return echarts.format.encodeHTML(point.name) + '<br>' + echarts.format.encodeHTML(point.data.label || '');
        }
      },
      xAxis: bar ? valueAxis : categoryAxis,
      yAxis: bar ? categoryAxis : valueAxis,
      series: [{ type: spec.kind, data: data, symbolSize: 7, connectNulls: false }]
    });
    window.addEventListener('resize', function () {
      chart.resize();
    });
    var button = document.querySelector('[data-chart-png="' + element.id + '"]');
    if (button) {
      button.hidden = false;
      button.addEventListener('click', function () {
        var link = document.createElement('a');
        link.href = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
        link.download = spec.fileName + '.png';
        document.body.appendChild(link);
        link.click();
        link.remove();
      });
    }
  }
})();
