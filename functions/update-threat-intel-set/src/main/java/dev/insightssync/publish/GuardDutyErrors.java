package dev.insightssync.publish;

import java.io.IOException;
import java.util.Locale;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns the GuardDuty SDK's exceptions into this step's named errors, whose messages state the fix.
 * GuardDuty reports most rejections as a {@code BadRequestException} (HTTP 400) that differs
 * only in its message, so the message decides which named error applies.
 */
final class GuardDutyErrors {

    private GuardDutyErrors() {
    }

    /**
     * Returns the named error for a failed call.
     *
     * @param call    the API operation, for example {@code CreateThreatIntelSet}
     * @param subject what the call was about, for example {@code ThreatIntelSet 'x' on detector d}
     * @param region  the Region called
     */
    static RuntimeException translate(SdkException error, String call, String subject, String region) {
        String where = call + " for " + subject + " in Region " + region;
        if (error instanceof AwsServiceException service) {
            return translateService(service, call, where);
        }
        if (error instanceof SdkClientException && error.getCause() instanceof IOException) {
            return new GuardDutyUnavailableException("GuardDuty could not be reached (" + where + "): "
                    + error.getCause().getMessage() + ". Retry later.", error);
        }
        return error;
    }

    private static RuntimeException translateService(AwsServiceException error, String call, String where) {
        String code = error.awsErrorDetails() == null ? null : error.awsErrorDetails().errorCode();
        String message = error.awsErrorDetails() == null ? null : error.awsErrorDetails().errorMessage();
        String reported = "GuardDuty " + where + " failed (HTTP " + error.statusCode() + ", " + code + ": " + message + ").";
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);

        if (error.isThrottlingException() || error.statusCode() == 429) {
            return new GuardDutyThrottledException(reported + " The account's GuardDuty request rate is exhausted;"
                    + " retry later.", error);
        }
        if (error.statusCode() >= 500) {
            return new GuardDutyUnavailableException(reported + " GuardDuty failed on its side; retry later.", error);
        }
        if (text.contains("member account")) {
            return new GuardDutyMemberAccountException(reported + " In an AWS Organization only the GuardDuty"
                    + " administrator account manages threat lists, and they apply to every member:"
                    + " deploy this sync in the administrator account.", error);
        }
        if ("AccessDeniedException".equals(code) || error.statusCode() == 403) {
            if (text.contains("putrolepolicy") || text.contains("deleterolepolicy")) {
                return new GuardDutyAccessDeniedException(reported + " GuardDuty reads IP lists through its"
                        + " service-linked role, so the caller needs iam:PutRolePolicy and iam:DeleteRolePolicy on"
                        + " the role AWSServiceRoleForAmazonGuardDuty: add them to the function's role.", error);
            }
            return new GuardDutyAccessDeniedException(reported + " Grant the function's role the guardduty"
                    + " permission for this call and s3:GetObject on the list objects.", error);
        }
        if (text.contains("already exists")) {
            return new ThreatListNameConflictException(reported + " Another list already uses this name (list names"
                    + " are unique per account and Region, possibly across list types): set THREAT_INTEL_SET_NAME"
                    + " or THREAT_ENTITY_SET_NAME to an unused name.", error);
        }
        // NOTE: the quota message text is not documented beyond "mentions account limits", so any
        // create rejected with "limit" or "quota" in its message counts as the quota error.
        if (call.startsWith("Create") && (text.contains("limit") || text.contains("quota"))) {
            return new ThreatListQuotaExceededException(reported + " An account can have at most 6 threat lists per"
                    + " Region: delete a list you no longer use (aws guardduty list-threat-intel-sets and"
                    + " list-threat-entity-sets show them), then start a new execution.", error);
        }
        return new GuardDutyRequestException(reported + " Check the list's name, the file and its location"
                + " (the bucket must belong to the detector's account for entity lists), then start a new execution.",
                error);
    }
}
