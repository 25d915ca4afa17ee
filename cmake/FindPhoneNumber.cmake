# Finds libphonenumber, which ships no CMake config or pkg-config file on Debian: its headers
# in .deps/phonenumber (scripts/setup.sh unpacks them there from libphonenumber-dev) or the
# system, its shared library (the numbering-plan metadata compiled in; the unversioned link
# is in the -dev package, so the soname is looked for too), and what its headers include and
# it links: Abseil, protobuf, ICU.
# Defines PhoneNumber::PhoneNumber and PhoneNumber_VERSION (the upstream release of the
# metadata, "8.12.57", read from the library package's Debian changelog).
set(_pn_root ${CMAKE_CURRENT_SOURCE_DIR}/.deps/phonenumber/usr)
find_path(PhoneNumber_INCLUDE_DIR phonenumbers/phonenumberutil.h HINTS ${_pn_root}/include)
find_library(PhoneNumber_LIBRARY NAMES phonenumber libphonenumber.so.8)
find_path(PhoneNumber_ABSL_INCLUDE_DIR absl/container/node_hash_map.h)
find_path(PhoneNumber_PROTOBUF_INCLUDE_DIR google/protobuf/message_lite.h)
find_library(PhoneNumber_PROTOBUF_LIBRARY NAMES protobuf)
# ICU's unversioned links come with libicu-dev; the run-time package has only the sonames.
find_library(PhoneNumber_ICUI18N_LIBRARY NAMES icui18n libicui18n.so.72)
find_library(PhoneNumber_ICUUC_LIBRARY NAMES icuuc libicuuc.so.72)
set(_pn_absl raw_hash_set hash city low_level_hash strings strings_internal raw_logging_internal throw_delegate int128)
set(_pn_absl_libraries)
foreach(a IN LISTS _pn_absl)
  find_library(PhoneNumber_ABSL_${a} NAMES absl_${a})
  list(APPEND _pn_absl_libraries PhoneNumber_ABSL_${a})
endforeach()

set(PhoneNumber_VERSION "")
# <prefix>/lib/<arch>/libphonenumber.so.8 -> <prefix>/share/doc/libphonenumber8/
string(REGEX REPLACE "/lib(/[^/]+)?/[^/]+$" "" _pn_prefix "${PhoneNumber_LIBRARY}")
set(_pn_changelog ${_pn_prefix}/share/doc/libphonenumber8/changelog.Debian.gz)
if(EXISTS "${_pn_changelog}")
  execute_process(COMMAND gzip -dc ${_pn_changelog} OUTPUT_VARIABLE _pn_log ERROR_QUIET)
  if(_pn_log MATCHES "^libphonenumber \\(([0-9.]+)")
    set(PhoneNumber_VERSION ${CMAKE_MATCH_1})
  endif()
endif()
set(WXLINT_PHONENUMBER_VERSION "${PhoneNumber_VERSION}" CACHE STRING
    "the numbering-plan metadata release of the libphonenumber linked (found from Debian's changelog when empty)")
if(WXLINT_PHONENUMBER_VERSION)
  set(PhoneNumber_VERSION ${WXLINT_PHONENUMBER_VERSION})
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(PhoneNumber
  REQUIRED_VARS PhoneNumber_LIBRARY PhoneNumber_INCLUDE_DIR PhoneNumber_ABSL_INCLUDE_DIR
                PhoneNumber_PROTOBUF_INCLUDE_DIR PhoneNumber_PROTOBUF_LIBRARY PhoneNumber_ICUI18N_LIBRARY
                PhoneNumber_ICUUC_LIBRARY ${_pn_absl_libraries} PhoneNumber_VERSION
  VERSION_VAR PhoneNumber_VERSION
  REASON_FAILURE_MESSAGE "run scripts/setup.sh")

if(PhoneNumber_FOUND AND NOT TARGET PhoneNumber::PhoneNumber)
  add_library(PhoneNumber::PhoneNumber UNKNOWN IMPORTED)
  set(_pn_links ${PhoneNumber_PROTOBUF_LIBRARY} ${PhoneNumber_ICUI18N_LIBRARY} ${PhoneNumber_ICUUC_LIBRARY})
  foreach(a IN LISTS _pn_absl_libraries)
    list(APPEND _pn_links ${${a}})
  endforeach()
  set_target_properties(PhoneNumber::PhoneNumber PROPERTIES
    IMPORTED_LOCATION ${PhoneNumber_LIBRARY}
    INTERFACE_INCLUDE_DIRECTORIES "${PhoneNumber_INCLUDE_DIR};${PhoneNumber_ABSL_INCLUDE_DIR};${PhoneNumber_PROTOBUF_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${_pn_links};Threads::Threads")
endif()
