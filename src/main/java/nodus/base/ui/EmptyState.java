package nodus.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;

/** What a view shows when it has nothing yet: what this is, and what the user should do next. */
public class EmptyState extends Div {

    public EmptyState(String title, String nextStep, Component... actions) {
        addClassName("empty-state");
        getStyle().set("border", "1px dashed var(--lumo-contrast-30pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-l)").set("max-width", "48em");
        add(new H3(title), new Paragraph(nextStep));
        add(actions);
    }
}
