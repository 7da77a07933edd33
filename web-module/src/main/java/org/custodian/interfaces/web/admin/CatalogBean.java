package org.custodian.interfaces.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.custodian.application.catalog.CatalogEntryChanges;
import org.custodian.application.catalog.CatalogEntryView;
import org.custodian.application.catalog.CatalogService;
import org.custodian.application.catalog.NewCatalogEntry;
import org.custodian.application.team.TeamService;
import org.custodian.application.team.TeamView;
import org.custodian.domain.model.catalog.CatalogKind;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;

/**
 * The master lists page (#23): one list at a time ({@code ?list=categories|products|sites}), retired entries
 * included; supervisors add entries, rename them, hand them to another team, retire and reactivate them. Every
 * action redirects back to the list (a reload repeats nothing).
 */
@Named
@ViewScoped
public class CatalogBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    CatalogService catalog;

    @EJB
    TeamService teams;

    @Inject
    PortalCaller portal;

    private String list = CatalogKind.CATEGORY.path();
    private List<CatalogEntryView> entries = new ArrayList<>();
    private List<String> teamKeys = List.of();
    private String code;
    private String name;
    private String ownerTeam;
    private String editCode;
    private String editName;
    private String editOwner;

    /** The view action: reads the chosen list. */
    public void load() {
        PageFailures.read(() -> {
            entries = new ArrayList<>(catalog.list(portal.get(), kind(), true));
            teamKeys = teams.list(portal.get()).stream().map(TeamView::key).toList();
        });
    }

    public CatalogKind kind() {
        return CatalogKind.ofPath(list).orElse(CatalogKind.CATEGORY);
    }

    public String add() {
        try {
            CatalogEntryView added = catalog.create(portal.get(), kind(), new NewCatalogEntry(trim(code),
                    name, ownerTeam));
            PageFailures.info(message("catalog.added"), message("catalog.added") + ": " + added.code());
        } catch (RuntimeException e) {
            PageFailures.show(e, "add");
            return null;
        }
        return back();
    }

    public String change() {
        try {
            CatalogEntryView changed = catalog.change(portal.get(), kind(), editCode,
                    new CatalogEntryChanges(editName == null || editName.isBlank() ? null : editName,
                            editOwner == null || editOwner.isBlank() ? null : editOwner, null));
            PageFailures.info(message("catalog.saved"), message("catalog.saved") + ": " + changed.code());
        } catch (RuntimeException e) {
            PageFailures.show(e, "edit");
            return null;
        }
        return back();
    }

    /** Retires an active entry or reactivates a retired one. */
    public String toggle(String entryCode, boolean active) {
        try {
            catalog.change(portal.get(), kind(), entryCode, new CatalogEntryChanges(null, null, !active));
            String done = message(active ? "catalog.retired" : "catalog.reactivated");
            PageFailures.info(done, done + ": " + entryCode);
        } catch (RuntimeException e) {
            PageFailures.show(e, null);
            return null;
        }
        return back();
    }

    private String back() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.getFlash().setKeepMessages(true);
        return "/admin/catalog?faces-redirect=true&list=" + URLEncoder.encode(kind().path(), StandardCharsets.UTF_8);
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static String message(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg").getString(key);
    }

    public List<CatalogEntryView> getEntries() {
        return entries;
    }

    public List<String> getTeamKeys() {
        return teamKeys;
    }

    public List<String> getActiveCodes() {
        return entries.stream().map(CatalogEntryView::code).toList();
    }

    public String getList() {
        return list;
    }

    public void setList(String list) {
        this.list = list;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getOwnerTeam() {
        return ownerTeam;
    }

    public void setOwnerTeam(String ownerTeam) {
        this.ownerTeam = ownerTeam;
    }

    public String getEditCode() {
        return editCode;
    }

    public void setEditCode(String editCode) {
        this.editCode = editCode;
    }

    public String getEditName() {
        return editName;
    }

    public void setEditName(String editName) {
        this.editName = editName;
    }

    public String getEditOwner() {
        return editOwner;
    }

    public void setEditOwner(String editOwner) {
        this.editOwner = editOwner;
    }
}
