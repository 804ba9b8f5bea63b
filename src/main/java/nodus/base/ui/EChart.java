package nodus.base.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.component.Component;

/**
 * An ECharts figure (SVG renderer) drawn by the plain-JS custom element {@code frontend/nodus/nodus-chart.js}.
 * The option is ECharts' own JSON; building it is the caller's business (see the compare views).
 */
@Tag("nodus-chart")
@JavaScript("context://nodus/nodus-chart.js")
public class EChart extends Component implements HasSize {

    public EChart() {
        setWidth("100%");
        setHeight("360px");
    }

    /** Sets the figure: an ECharts option object as JSON. */
    public void setOption(String optionJson) {
        getElement().setProperty("option", optionJson);
    }

    public Registration addPointClickListener(com.vaadin.flow.component.ComponentEventListener<PointClickEvent> listener) {
        return addListener(PointClickEvent.class, listener);
    }

    /** A click on a data point: which series, which point, and its value as JSON. */
    @DomEvent("nodus-chart-click")
    public static class PointClickEvent extends ComponentEvent<EChart> {
        private final String seriesName;
        private final int dataIndex;
        private final String valueJson;

        public PointClickEvent(EChart source, boolean fromClient,
                               @EventData("event.detail.seriesName") String seriesName,
                               @EventData("event.detail.dataIndex") int dataIndex,
                               @EventData("event.detail.value") String valueJson) {
            super(source, fromClient);
            this.seriesName = seriesName;
            this.dataIndex = dataIndex;
            this.valueJson = valueJson;
        }

        public String seriesName() {
            return seriesName;
        }

        public int dataIndex() {
            return dataIndex;
        }

        public String valueJson() {
            return valueJson;
        }
    }
}
