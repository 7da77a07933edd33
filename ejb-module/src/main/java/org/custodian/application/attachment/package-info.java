/** Attachments of tickets (#24): upload, list and download under the policy, encrypted per data subject. */
package org.custodian.application.attachment;
