/// Why a delivery could not be made, as the delivery log shows it: the server's answer or what stood in the way;
/// `permanent` when trying again cannot change it (a 5xx from a mail server, a person who switched the channel off).
struct DeliveryFailure: Error, CustomStringConvertible {
    let description: String
    var permanent = false
}
