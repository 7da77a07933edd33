package org.custodian.application.review;

import org.custodian.application.review.ReviewViews.DormantReport;
import org.custodian.application.shared.Caller;

/** Accounts nobody uses: no completed sign-in for a while, never a sign-in, contractors left without a grant. */
public interface DormantAccountService {

    /** The report (REPORT_READ or USER_READ); {@code days} from 1 to 3650, default 90. */
    DormantReport report(Caller caller, Integer days);

    /** Disables enabled accounts without a sign-in for {@code days} (the schedule's optional work); how many. */
    int disableDormant(int days);
}
