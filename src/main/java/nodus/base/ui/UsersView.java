package nodus.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import nodus.base.security.NodusUser;
import nodus.base.security.Role;
import nodus.base.security.UserService;

/** User administration (ADMIN only). */
@Route("admin/users")
@PageTitle("Users · Nodus")
@Menu(title = "Users", order = 90)
@RolesAllowed(Role.ADMIN_NAME)
public class UsersView extends VerticalLayout {

    private final UserService users;
    private final Grid<NodusUser> grid = new Grid<>(NodusUser.class, false);

    public UsersView(UserService users) {
        this.users = users;
        H2 heading = new H2("Users");
        heading.setId("view-heading");
        grid.addColumn(NodusUser::username).setHeader("User");
        grid.addColumn(NodusUser::role).setHeader("Role");
        grid.addColumn(u -> u.enabled() ? "yes" : "no").setHeader("Enabled");
        grid.addColumn(NodusUser::createdAt).setHeader("Created");
        grid.setAllRowsVisible(true);

        TextField name = new TextField("User name");
        PasswordField password = new PasswordField("Password (≥ 8 characters)");
        Select<Role> role = new Select<>();
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setValue(Role.RESEARCHER);
        Button create = new Button("Create user", click -> {
            try {
                users.create(name.getValue().trim(), password.getValue(), role.getValue());
                name.clear();
                password.clear();
                refresh();
                Notification.show("User created");
            } catch (IllegalArgumentException e) {
                Notification.show(e.getMessage());
            }
        });
        HorizontalLayout form = new HorizontalLayout(name, password, role, create);
        form.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(heading, form, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(users.list());
    }
}
