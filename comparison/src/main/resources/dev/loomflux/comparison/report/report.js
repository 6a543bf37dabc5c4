// Draws the charts described in #report-data. The figures are computed in Java
// (dev.loomflux.comparison.report); this only maps them onto Chart.js.
// For the headless check: body[data-charts] counts the charts drawn, body[data-errors]
// collects any JavaScript error. report.html#chart=<id> shows that one chart alone,
// filling the window, for ./loomflux publish to screenshot.
(function () {
  const errors = [];
  const record = (message) => {
    errors.push(String(message));
    document.body.dataset.errors = errors.join(' | ');
  };
  window.onerror = (message, source, line) => { record(message + ' at line ' + line); };
  document.body.dataset.errors = '';

  // min..max of the repeats as a vertical bar with caps on each point that has them.
  const rangeBars = {
    id: 'rangeBars',
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx;
      const y = chart.scales.y;
      chart.data.datasets.forEach((dataset, i) => {
        const meta = chart.getDatasetMeta(i);
        if (meta.hidden) return;
        meta.data.forEach((element, j) => {
          const point = dataset.data[j];
          if (!point || point.min == null || point.max == null || point.y == null) return;
          const top = y.getPixelForValue(point.max);
          const bottom = y.getPixelForValue(point.min);
          ctx.save();
          ctx.strokeStyle = '#333';
          ctx.lineWidth = 1.2;
          ctx.beginPath();
          ctx.moveTo(element.x, top); ctx.lineTo(element.x, bottom);
          ctx.moveTo(element.x - 4, top); ctx.lineTo(element.x + 4, top);
          ctx.moveTo(element.x - 4, bottom); ctx.lineTo(element.x + 4, bottom);
          ctx.stroke();
          ctx.restore();
        });
      });
    }
  };

  const dataset = (series, type) => {
    const base = { label: series.label, data: series.points, borderColor: series.color,
      backgroundColor: series.color, spanGaps: false, parsing: { xAxisKey: 'x', yAxisKey: 'y' } };
    if (type === 'bar') return base;
    switch (series.style) {
      case 'marker':
        return Object.assign(base, { showLine: false, pointStyle: 'triangle', pointRadius: 9,
          pointHoverRadius: 11, backgroundColor: '#fff', borderWidth: 2, order: -1 });
      case 'objective':
        return Object.assign(base, { borderDash: [2, 3], borderWidth: 1, pointRadius: 0, borderColor: '#888' });
      case 'dashed':
        return Object.assign(base, { borderDash: [6, 4], borderWidth: 1.5, pointRadius: 2 });
      default:
        return Object.assign(base, { borderWidth: 2, pointRadius: 3 });
    }
  };

  const axis = (title, log, type) => ({
    type: type || (log ? 'logarithmic' : 'linear'),
    title: { display: true, text: title },
    ticks: { maxTicksLimit: 10 }
  });

  const build = (spec) => {
    const canvas = document.getElementById(spec.id);
    if (!canvas) throw new Error('no canvas for chart ' + spec.id);
    const bar = spec.type === 'bar';
    const xAxis = axis(spec.xLabel, spec.xLog, bar ? 'category' : undefined);
    if (spec.xLog) {
      // a log axis labels 1-2-5 decades, which crowd each other; label the steps instead
      const steps = [...new Set(spec.series.flatMap((s) => s.points.map((p) => p.x)))];
      xAxis.afterBuildTicks = (scale) => { scale.ticks = steps.map((value) => ({ value: value })); };
    }
    const labels = bar ? [...new Set(spec.series.flatMap((s) => s.points.map((p) => p.x)))] : undefined;
    return new Chart(canvas, {
      type: bar ? 'bar' : 'line',
      data: { labels: labels, datasets: spec.series.map((s) => dataset(s, spec.type)) },
      options: {
        animation: false,
        maintainAspectRatio: false,
        interaction: { mode: 'nearest', intersect: false },
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 12, font: { size: 11 } } } },
        scales: {
          x: xAxis,
          y: Object.assign(axis(spec.yLabel, spec.yLog), spec.yLog ? {} : { beginAtZero: true })
        }
      },
      plugins: [rangeBars]
    });
  };

  // the chart's figure as the page's only content, titled with its section and the run
  const showAlone = (id) => {
    const canvas = document.getElementById(id);
    if (!canvas) throw new Error('no canvas for chart ' + id);
    const figure = canvas.closest('figure');
    const heading = figure.closest('section')?.querySelector('h2');
    const caption = figure.querySelector('figcaption');
    if (heading && caption) caption.textContent = heading.textContent + ': ' + caption.textContent;
    const source = document.createElement('p');
    source.className = 'note';
    source.textContent = document.title;
    figure.append(source);
    document.body.replaceChildren(figure);
    document.body.classList.add('single-chart');
  };

  const drawn = [];
  try {
    let specs = JSON.parse(document.getElementById('report-data').textContent);
    const alone = /^#chart=(.+)$/.exec(location.hash);
    if (alone) {
      const id = decodeURIComponent(alone[1]);
      specs = specs.filter((spec) => spec.id === id);
      showAlone(id);
    }
    document.body.dataset.expectedCharts = String(specs.length);
    for (const spec of specs) {
      try {
        build(spec);
        drawn.push(spec.id);
      } catch (error) {
        record(spec.id + ': ' + error.message);
      }
    }
  } catch (error) {
    record(error.message);
  }
  document.body.dataset.charts = String(drawn.length);
  document.body.dataset.chartIds = drawn.join(' ');
})();
