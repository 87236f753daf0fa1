package model

import "testing"

func TestGoName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"event_type", "EventType"},
		{"app_id", "AppID"},
		{"awsAccountId", "AWSAccountID"},
		{"client_context", "ClientContext"},
		{"ChannelType", "ChannelType"},
		{"RequestId", "RequestID"},
		{"Id", "ID"},
		{"isAppInForeground", "IsAppInForeground"},
		{"ip_address", "IPAddress"},
		{"smtp_response", "SMTPResponse"},
		{"mcc_mnc", "MCCMNC"},
		{"APNS_VOIP_SANDBOX", "APNSVOIPSandbox"},
		{"_campaign.send", "CampaignSend"},
		{"_SMS.SUCCESS", "SMSSuccess"},
		{"_session.startTime", "SessionStartTime"},
		{"price_in_millicents_usd", "PriceInMillicentsUSD"},
		{"3d", "X3d"},
		{"", "X"},
		{"SMSMessage", "SMSMessage"},
	} {
		if got := GoName(tc.in); got != tc.want {
			t.Errorf("GoName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestLowerFirst(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"AppID", "appID"},
		{"URLPath", "urlPath"},
		{"StringSlice", "stringSlice"},
		{"ID", "id"},
	} {
		if got := LowerFirst(tc.in); got != tc.want {
			t.Errorf("LowerFirst(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
