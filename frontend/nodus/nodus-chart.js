// <nodus-chart>: a plain custom element around ECharts (SVG renderer), loaded at run time from the
// org.webjars:echarts jar — no npm, no Vaadin frontend build. The server sets the ECharts option as JSON
// (property "option"); clicks on data points are sent back as "nodus-chart-click" events for drill-down.
(function () {
  const ECHARTS_URL = 'webjars/echarts/5.5.0/echarts.min.js';
  let loading = null;

  function loadECharts() {
    if (window.echarts) {
      return Promise.resolve(window.echarts);
    }
    if (!loading) {
      loading = new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = new URL(ECHARTS_URL, document.baseURI).href;
        script.onload = () => resolve(window.echarts);
        script.onerror = () => reject(new Error('cannot load ' + ECHARTS_URL));
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  class NodusChart extends HTMLElement {
    constructor() {
      super();
      this._option = null;
      this._chart = null;
    }

    connectedCallback() {
      if (!this.style.display) {
        this.style.display = 'block';
      }
      loadECharts().then((echarts) => {
        if (this._chart) {
          return;
        }
        this._chart = echarts.init(this, null, { renderer: 'svg' });
        this._chart.on('click', (p) => {
          this.dispatchEvent(new CustomEvent('nodus-chart-click', {
            detail: { seriesName: p.seriesName || '', dataIndex: p.dataIndex, value: JSON.stringify(p.value) }
          }));
        });
        this._resizeObserver = new ResizeObserver(() => this._chart && this._chart.resize());
        this._resizeObserver.observe(this);
        this._render();
      }).catch((e) => {
        this.textContent = 'Chart unavailable: ' + e.message;
      });
    }

    disconnectedCallback() {
      if (this._resizeObserver) {
        this._resizeObserver.disconnect();
      }
      if (this._chart) {
        this._chart.dispose();
        this._chart = null;
      }
    }

    set option(json) {
      this._option = typeof json === 'string' ? JSON.parse(json) : json;
      this._render();
    }

    get option() {
      return this._option;
    }

    _render() {
      if (this._chart && this._option) {
        this._chart.setOption(this._option, true);
        this.setAttribute('data-rendered', 'true');
      }
    }

    /** The chart as a standalone SVG document (publication figures). */
    svg() {
      return this._chart ? this._chart.renderToSVGString() : '';
    }

    /**
     * The chart as PNG (data URL) at publication size: the SVG is drawn onto a canvas at {@code scale} times its
     * on-screen size (default 3, i.e. ~300 dpi for a figure shown at ~100 dpi).
     */
    png(scale) {
      const factor = scale || 3;
      const svg = this.svg();
      if (!svg) {
        return Promise.reject(new Error('chart not rendered'));
      }
      const width = this._chart.getWidth();
      const height = this._chart.getHeight();
      return new Promise((resolve, reject) => {
        const img = new Image();
        img.onload = () => {
          const canvas = document.createElement('canvas');
          canvas.width = Math.round(width * factor);
          canvas.height = Math.round(height * factor);
          const ctx = canvas.getContext('2d');
          ctx.fillStyle = '#ffffff';
          ctx.fillRect(0, 0, canvas.width, canvas.height);
          ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
          resolve(canvas.toDataURL('image/png'));
        };
        img.onerror = () => reject(new Error('cannot rasterise the SVG'));
        img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
      });
    }

    /** Saves the figure as "svg" or "png" under the given file name (without extension). */
    download(format, name) {
      const file = (name || 'figure') + '.' + format;
      const save = (href) => {
        const a = document.createElement('a');
        a.href = href;
        a.download = file;
        document.body.appendChild(a);
        a.click();
        a.remove();
      };
      if (format === 'png') {
        return this.png(3).then(save);
      }
      const url = URL.createObjectURL(new Blob([this.svg()], { type: 'image/svg+xml' }));
      save(url);
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      return Promise.resolve(file);
    }

    /** Number of series drawn — used by browser tests to check a figure really rendered. */
    seriesCount() {
      return this._chart ? (this._chart.getOption().series || []).length : 0;
    }
  }

  if (!customElements.get('nodus-chart')) {
    customElements.define('nodus-chart', NodusChart);
  }
})();
