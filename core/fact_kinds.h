/* The kinds of measure, one X-macro entry each: enum name, machine name, plain
 * words for the side panel. The machine names are a stable interface. */
#ifndef EPINEWS_FACT_KINDS_H
#define EPINEWS_FACT_KINDS_H

#define FACT_KINDS(X)                                                                  \
	X(ISOLATION_SITES, "isolation_sites", "isolation sites")                      \
	X(ISOLATION_ROOMS, "isolation_rooms", "isolation rooms")                      \
	X(BEDS, "beds", "beds")                                                       \
	X(ISOLATED_PEOPLE, "isolated_people", "people isolated")                      \
	X(QUARANTINE_RELEASED, "quarantine_released", "released from isolation")      \
	X(SAMPLES_COLLECTED, "samples_collected", "samples collected")                \
	X(TESTS_DONE, "tests_done", "tests done")                                     \
	X(TEST_POSITIVE, "test_positive", "tested positive")                          \
	X(SAMPLING_SITES, "sampling_sites", "sampling sites")                         \
	X(TEST_LABS, "test_labs", "testing labs")                                     \
	X(CONFIRMED, "confirmed", "confirmed cases")                                  \
	X(NEW_CONFIRMED, "new_confirmed", "new confirmed cases")                      \
	X(ASYMPTOMATIC, "asymptomatic", "asymptomatic infections")                    \
	X(CONVERTED, "converted_to_confirmed", "asymptomatic turned confirmed")       \
	X(SUSPECTED, "suspected", "suspected cases")                                  \
	X(SEVERE, "severe", "severe or critical")                                     \
	X(DISCHARGED, "discharged", "discharged")                                     \
	X(DEATHS, "deaths", "deaths")                                                 \
	X(CLOSE_CONTACTS, "close_contacts", "close contacts")                         \
	X(SECONDARY_CONTACTS, "secondary_contacts", "contacts of contacts")           \
	X(LOCKDOWN_ZONES, "lockdown_zones", "lockdown zones")                         \
	X(CONTROL_ZONES, "control_zones", "control zones")                            \
	X(EPIDEMIC_FREE_AREAS, "epidemic_free_areas", "epidemic-free communities")    \
	X(MEDICAL_STAFF, "medical_staff", "medical staff")                            \
	X(VOLUNTEERS, "volunteers", "volunteers")                                     \
	X(FUNDS, "funds", "funds (yuan)")                                             \
	X(SUPPLIES, "supplies", "supplies")                                           \
	X(HOSPITALS, "hospitals", "designated hospitals")                             \
	X(HOSPITALISED, "hospitalised", "in hospital")                                \
	X(VACCINATIONS, "vaccinations", "vaccine doses")                              \
	X(TEST_CAPACITY, "test_capacity", "tests a day (capacity)")

enum fact_kind {
#define X(e, name, words) KIND_##e,
	FACT_KINDS(X)
#undef X
	KIND_COUNT
};

#endif
