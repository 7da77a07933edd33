package org.custodian.interfaces.web.customer;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodian.application.customer.CustomerDirectoryService;
import org.custodian.application.customer.CustomerQuery;
import org.custodian.application.customer.CustomerView;
import org.custodian.application.shared.PageResult;
import org.custodian.domain.model.customer.Region;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;

/**
 * The Customers page: a search by name, e-mail or phone sent as a plain GET (q, region, page in the URL), so a
 * search can be bookmarked, reloaded and returned to with Back.
 */
@Named
@RequestScoped
public class CustomerDirectoryBean {

    static final int PAGE_SIZE = 20;

    @EJB
    CustomerDirectoryService directory;

    @Inject
    PortalCaller portal;

    private String q;
    private String region;
    private int page;
    private long total;
    private final List<Map<String, Object>> rows = new ArrayList<>();

    public void load() {
        rows.clear();
        total = 0;
        if (!portal.may("CUSTOMER_READ")) {
            // in the user's words, not the policy's (the menu does not offer the page to them anyway)
            PageFailures.info(PortalText.of("customers.notAllowed"), PortalText.of("customers.notAllowed"));
            return;
        }
        PageFailures.read(() -> {
            PageResult<CustomerView> found = directory.search(portal.get(),
                    new CustomerQuery(q, region == null || region.isBlank() ? null : region, page, PAGE_SIZE));
            found.items().forEach(customer -> rows.add(customer.body()));
            total = found.total();
        });
    }

    /** The link text of a row: the name as shown, or the customer number where the name is hidden. */
    public String label(Map<String, Object> row) {
        Object name = row.get("name");
        return name == null ? PortalText.of("customers.numbered", row.get("id")) : String.valueOf(name);
    }

    /** The regions this user's searches may narrow to: their own. */
    public List<String> getRegions() {
        return portal.get().regions().stream().sorted().map(Region::name).toList();
    }

    public String getPageLabel() {
        long pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        return PortalText.of("customers.page", page + 1, pages, total);
    }

    public boolean isFirstPage() {
        return page == 0;
    }

    public boolean isLastPage() {
        return (long) (page + 1) * PAGE_SIZE >= total;
    }

    public List<Map<String, Object>> getRows() {
        return rows;
    }

    public long getTotal() {
        return total;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(0, page);
    }
}
